CREATE TABLE "kb_synonym_groups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kb_synonym_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"company_id" bigint NOT NULL,
	"terms" text[] NOT NULL,
	"updated_by_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kb_article_versions" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kb_synonym_groups" ADD CONSTRAINT "kb_synonym_groups_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kb_synonym_groups_company_idx" ON "kb_synonym_groups" USING btree ("company_id","id");--> statement-breakpoint
-- Hand-written: articles that existed before drafts went live when they were written.
UPDATE "kb_articles" SET "published_at" = "created_at" WHERE "status" = 'published' AND "published_at" IS NULL;--> statement-breakpoint
-- Hand-written: the standard synonym groups (rules/synonyms.ts STANDARD_SYNONYMS) for every existing
-- company without groups; new companies get them at bootstrap.
INSERT INTO "kb_synonym_groups" ("company_id", "terms")
SELECT c."id", g.terms FROM "companies" c
CROSS JOIN (VALUES
  (1, ARRAY['漏水', '爆管', '水管爆了', '水管爆裂', '水管破裂', '管道破裂', '跑水', '水管破了']::text[]),
  (2, ARRAY['渗水', '渗漏', '返潮', '洇水', '墙面渗水']::text[]),
  (3, ARRAY['堵塞', '堵了', '不通', '下水不畅', '返水', '冒水']::text[]),
  (4, ARRAY['下水道', '排水管', '污水管', '地漏']::text[]),
  (5, ARRAY['马桶', '坐便器', '座便器', '厕所']::text[]),
  (6, ARRAY['停电', '断电', '没电', '跳闸', '漏电']::text[]),
  (7, ARRAY['停水', '断水', '没水', '水压低', '水小']::text[]),
  (8, ARRAY['电梯困人', '困电梯', '关在电梯', '电梯停了', '电梯故障']::text[]),
  (9, ARRAY['门禁', '门禁卡', '门卡', '刷卡', '单元门', '可视对讲']::text[]),
  (10, ARRAY['钥匙', '门锁', '开锁', '锁芯']::text[]),
  (11, ARRAY['噪音', '噪声', '扰民', '吵闹', '太吵']::text[]),
  (12, ARRAY['装修', '施工', '装潢', '翻新']::text[]),
  (13, ARRAY['装修押金', '装修保证金', '押金']::text[]),
  (14, ARRAY['违建', '违章搭建', '私搭乱建', '加建']::text[]),
  (15, ARRAY['宠物', '养狗', '狗叫', '遛狗', '犬只']::text[]),
  (16, ARRAY['垃圾', '垃圾清运', '垃圾桶', '建筑垃圾', '垃圾房']::text[]),
  (17, ARRAY['保洁', '卫生', '清洁', '打扫']::text[]),
  (18, ARRAY['绿化', '草坪', '树木', '修剪', '园林']::text[]),
  (19, ARRAY['车位', '停车位', '车库', '地下车库']::text[]),
  (20, ARRAY['停车', '停车费', '月卡', '临停', '道闸']::text[]),
  (21, ARRAY['违停', '乱停', '占用车位', '堵车位', '挡车']::text[]),
  (22, ARRAY['快递', '包裹', '快件', '外卖', '快递柜']::text[]),
  (23, ARRAY['物业费', '管理费', '服务费', '物管费']::text[]),
  (24, ARRAY['发票', '收据', '开票']::text[]),
  (25, ARRAY['维修基金', '专项维修资金', '公共维修基金']::text[]),
  (26, ARRAY['监控', '摄像头', '录像', '调监控']::text[]),
  (27, ARRAY['消防', '消防栓', '灭火器', '烟感', '消防通道']::text[]),
  (28, ARRAY['空调', '冷气', '空调外机']::text[]),
  (29, ARRAY['暖气', '供暖', '采暖', '暖气片', '地暖']::text[]),
  (30, ARRAY['燃气', '煤气', '天然气', '燃气泄漏']::text[]),
  (31, ARRAY['异味', '臭味', '味道大', '气味']::text[]),
  (32, ARRAY['蟑螂', '老鼠', '白蚁', '虫害', '消杀']::text[]),
  (33, ARRAY['外墙', '墙皮', '脱落', '开裂', '掉皮']::text[]),
  (34, ARRAY['防水', '屋面', '天面', '楼顶漏水', '顶楼漏水']::text[]),
  (35, ARRAY['路灯', '楼道灯', '灯不亮', '照明']::text[]),
  (36, ARRAY['访客', '来访', '外来人员', '陌生人']::text[]),
  (37, ARRAY['保安', '秩序维护', '门岗', '巡逻']::text[]),
  (38, ARRAY['高空抛物', '乱扔', '往下扔']::text[]),
  (39, ARRAY['电动车', '电瓶车', '充电桩', '飞线充电']::text[]),
  (40, ARRAY['投诉', '不满意', '举报', '意见反映']::text[]),
  (41, ARRAY['报修', '维修', '修理', '上门维修']::text[])
) AS g(n, terms)
WHERE NOT EXISTS (SELECT 1 FROM "kb_synonym_groups" s WHERE s."company_id" = c."id")
ORDER BY c."id", g.n;
