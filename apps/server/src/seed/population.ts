import type { ContactChannel, ResidentRelation } from '@guanjia/shared';
import { namePinyin } from '../modules/residents/rules/name-pinyin';
import type { ProjectPlan, UnitPlan } from './estate-plan';
import { randomBirthDate, randomIdNumber } from './id-number';
import { eraOf, type Gender, generateName, pickSurname } from './names';
import { randomShanghaiLandline, uniqueMobile } from './phones';
import { createRng, type Rng } from './prng';

export const RESIDENT_TAGS = ['独居老人', '孕妇', '残障人士', '业委会成员', '热心业主', '投诉敏感'] as const;

export interface ResidentPlan {
  /** Index into the plan's project list. */
  project: number;
  name: string;
  gender: Gender;
  idNumber: string | null;
  birthday: string | null;
  phones: string[];
  email: string | null;
  vip: boolean;
  tags: string[];
  preferredChannel: ContactChannel | null;
  notes: string | null;
  /** unit = index into the project's units in plan order (buildings, then units). */
  units: { unit: number; relation: ResidentRelation }[];
}

const SHOP_TRADES = [
  '便利店',
  '生鲜超市',
  '药店',
  '面包房',
  '洗衣店',
  '理发店',
  '快递驿站',
  '咖啡馆',
  '中介门店',
  '早餐店',
  '五金店',
  '宠物店',
];
const OFFICE_TENANTS = [
  '上海鼎盛律师事务所',
  '云图信息科技有限公司',
  '华信会计师事务所',
  '恒通国际物流有限公司',
  '星辰文化传媒有限公司',
  '博远教育咨询有限公司',
  '远景建筑设计有限公司',
  '嘉和投资管理有限公司',
  '新锐网络科技有限公司',
  '瑞康医疗器械有限公司',
  '汇丰源贸易有限公司',
  '万象广告有限公司',
  '卓越人力资源有限公司',
  '智联数据服务有限公司',
  '清源环保科技有限公司',
  '明德知识产权代理有限公司',
  '中和保险经纪有限公司',
  '启航跨境电商有限公司',
  '澜海游戏有限公司',
  '东方翻译有限公司',
];

type Era = ReturnType<typeof eraOf>;
const CHANNELS: Record<Era | 'office', readonly (readonly [ContactChannel | null, number])[]> = {
  elder: [
    ['phone', 78],
    ['sms', 5],
    ['wechat', 12],
    [null, 5],
  ],
  middle: [
    ['phone', 42],
    ['wechat', 38],
    ['sms', 8],
    ['app', 4],
    [null, 8],
  ],
  young: [
    ['wechat', 46],
    ['phone', 18],
    ['app', 18],
    ['sms', 8],
    [null, 10],
  ],
  office: [
    ['email', 35],
    ['phone', 30],
    ['wechat', 30],
    [null, 5],
  ],
};

interface Ctx {
  rng: Rng;
  mobiles: Set<string>;
  ids: Set<string>;
  out: ResidentPlan[];
}

interface PersonSpec {
  project: number;
  gender: Gender;
  born: [number, number];
  surname?: string;
  /** Probability the archive holds the ID number. */
  idChance: number;
  channel?: Era | 'office';
  landline?: string | null;
  landlineOnly?: boolean;
}

function uniqueId(ctx: Ctx, birthDate: string, gender: Gender): string {
  for (;;) {
    const id = randomIdNumber(ctx.rng, birthDate, gender);
    if (!ctx.ids.has(id)) {
      ctx.ids.add(id);
      return id;
    }
  }
}

function person(ctx: Ctx, spec: PersonSpec, unit: number, relation: ResidentRelation): ResidentPlan {
  const { rng } = ctx;
  const clamp = (y: number) => Math.min(2000, Math.max(1940, y));
  const birthDate = randomBirthDate(
    rng,
    clamp(spec.born[0]),
    Math.max(clamp(spec.born[0]), clamp(spec.born[1])),
  );
  const year = Number(birthDate.slice(0, 4));
  const name = generateName(rng, spec.gender, year, spec.surname);
  const hasId = rng.chance(spec.idChance);
  const phones: string[] = [];
  if (!spec.landlineOnly) phones.push(uniqueMobile(rng, ctx.mobiles));
  if (spec.landline) phones.push(spec.landline);
  else if (!spec.landlineOnly && rng.chance(0.04)) phones.push(uniqueMobile(rng, ctx.mobiles));
  const era = eraOf(year);
  const channel = spec.channel ?? era;
  const email =
    channel === 'office'
      ? rng.chance(0.7)
        ? `${namePinyin(name).full}${rng.int(1, 99)}@example.com`
        : null
      : era === 'young' && rng.chance(0.15)
        ? `${namePinyin(name).full}${year % 100}@example.com`
        : null;
  const resident: ResidentPlan = {
    project: spec.project,
    name,
    gender: spec.gender,
    idNumber: hasId ? uniqueId(ctx, birthDate, spec.gender) : null,
    birthday: hasId || rng.chance(0.3) ? birthDate : null,
    phones,
    email,
    vip: false,
    tags: [],
    preferredChannel: rng.weighted(CHANNELS[channel]),
    notes: null,
    units: [{ unit, relation }],
  };
  ctx.out.push(resident);
  return resident;
}

const other = (g: Gender): Gender => (g === '男' ? '女' : '男');
const around = (year: number, spread: number): [number, number] => [year - spread, year + spread];
const yearOf = (r: ResidentPlan) => Number(r.birthday?.slice(0, 4) ?? 1975);

/** The people of one occupied home: an owner and, depending on the household, spouse, children, parents or tenants. */
function household(ctx: Ctx, project: number, unit: number, occupied: boolean): ResidentPlan[] {
  const { rng } = ctx;
  const landline = rng.chance(0.2) ? randomShanghaiLandline(rng) : null;
  if (!occupied) {
    // Handed over or under renovation: the owner, sometimes with the spouse who follows the works.
    const owner = person(
      ctx,
      { project, gender: rng.chance(0.6) ? '男' : '女', born: [1960, 1992], idChance: 0.9 },
      unit,
      '业主',
    );
    const people = [owner];
    if (rng.chance(0.25))
      people.push(
        person(
          ctx,
          { project, gender: other(owner.gender), born: around(yearOf(owner), 3), idChance: 0.5 },
          unit,
          '家属',
        ),
      );
    return people;
  }
  if (rng.chance(0.15)) {
    // Let out: the landlord lives elsewhere, one to three tenants live here.
    const owner = person(
      ctx,
      { project, gender: rng.chance(0.55) ? '男' : '女', born: [1955, 1985], idChance: 0.9 },
      unit,
      '业主',
    );
    const people = [owner];
    const tenants = rng.weighted([
      [1, 58],
      [2, 36],
      [3, 6],
    ]);
    for (let t = 0; t < tenants; t++) {
      people.push(
        person(
          ctx,
          { project, gender: rng.chance(0.5) ? '男' : '女', born: [1975, 2000], idChance: 0.75 },
          unit,
          '租户',
        ),
      );
    }
    return people;
  }
  const kind = rng.weighted([
    ['elderAlone', 6],
    ['elderCouple', 12],
    ['family', 58],
    ['young', 24],
  ] as const);
  if (kind === 'elderAlone') {
    const owner = person(
      ctx,
      {
        project,
        gender: rng.chance(0.6) ? '女' : '男',
        born: [1940, 1953],
        idChance: 0.9,
        landline: randomShanghaiLandline(rng),
        landlineOnly: rng.chance(0.5),
      },
      unit,
      '业主',
    );
    owner.tags.push('独居老人');
    owner.notes = rng.pick([
      '子女在外地，紧急联系人：社区居委会',
      '听力不好，来电请放慢语速',
      '腿脚不便，上门前请先电话联系',
    ]);
    return [owner];
  }
  if (kind === 'elderCouple') {
    const owner = person(
      ctx,
      { project, gender: '男', born: [1940, 1958], idChance: 0.9, landline },
      unit,
      '业主',
    );
    const people = [
      owner,
      person(
        ctx,
        { project, gender: '女', born: around(yearOf(owner) + 2, 2), idChance: 0.7, landline },
        unit,
        '家属',
      ),
    ];
    if (rng.chance(0.4)) {
      const y = yearOf(owner) + rng.int(24, 30);
      people.push(
        person(
          ctx,
          {
            project,
            gender: rng.chance(0.5) ? '男' : '女',
            born: [y, y],
            surname: owner.name.slice(0, 1),
            idChance: 0.6,
          },
          unit,
          '家属',
        ),
      );
    }
    return people;
  }
  if (kind === 'family') {
    const owner = person(
      ctx,
      { project, gender: rng.chance(0.65) ? '男' : '女', born: [1962, 1990], idChance: 0.9, landline },
      unit,
      '业主',
    );
    const people = [owner];
    const ownerYear = yearOf(owner);
    const husband = owner.gender === '男' ? owner : null;
    if (rng.chance(0.72)) {
      people.push(
        person(
          ctx,
          { project, gender: other(owner.gender), born: around(ownerYear, 3), idChance: 0.65 },
          unit,
          '家属',
        ),
      );
    }
    const childYear = ownerYear + rng.int(24, 32);
    if (childYear <= 2000 && rng.chance(0.4)) {
      const surname = husband?.name.slice(0, 1) ?? people[1]?.name.slice(0, 1) ?? pickSurname(rng);
      people.push(
        person(
          ctx,
          {
            project,
            gender: rng.chance(0.5) ? '男' : '女',
            born: [childYear, childYear],
            surname,
            idChance: 0.55,
          },
          unit,
          '家属',
        ),
      );
    }
    if (ownerYear >= 1968 && rng.chance(0.12)) {
      const parentYear = ownerYear - rng.int(24, 30);
      people.push(
        person(
          ctx,
          {
            project,
            gender: rng.chance(0.6) ? '女' : '男',
            born: [parentYear, parentYear],
            idChance: 0.5,
            landline,
          },
          unit,
          '家属',
        ),
      );
    }
    return people;
  }
  const owner = person(
    ctx,
    { project, gender: rng.chance(0.5) ? '男' : '女', born: [1984, 1998], idChance: 0.9 },
    unit,
    '业主',
  );
  const people = [owner];
  if (rng.chance(0.4))
    people.push(
      person(
        ctx,
        { project, gender: other(owner.gender), born: around(yearOf(owner), 2), idChance: 0.6 },
        unit,
        '家属',
      ),
    );
  return people;
}

/** Tags, VIP and notes sprinkled over the people after the households exist. */
function decorate(ctx: Ctx, people: ResidentPlan[], livesHere: boolean): void {
  const { rng } = ctx;
  for (const r of people) {
    const year = yearOf(r);
    const owner = r.units[0]?.relation === '业主';
    if (r.gender === '女' && year >= 1988 && year <= 1998 && r.birthday && rng.chance(0.06)) {
      r.tags.push('孕妇');
      r.notes ??= '孕期，噪音和异味类问题请优先处理';
    }
    if (rng.chance(0.01)) {
      r.tags.push('残障人士');
      r.notes ??= '行动不便，上门前请先电话联系';
    }
    if (owner && livesHere && rng.chance(0.007)) {
      r.tags.push('业委会成员');
      r.vip = true;
    }
    if (owner && livesHere && rng.chance(0.025)) r.tags.push('热心业主');
    if (rng.chance(0.02)) {
      r.tags.push('投诉敏感');
      r.notes ??= rng.pick([
        '对维修时效要求高，回访请由班长负责',
        '曾多次投诉装修噪音，沟通需耐心',
        '对物业费用有异议，答复前请核实',
      ]);
    }
    if (owner && rng.chance(0.055)) r.vip = true;
  }
}

function unitsOf(project: ProjectPlan): UnitPlan[] {
  return project.buildings.flatMap((b) => b.units);
}

/** Everybody living or working in the demo estate, deterministic for a given seed. */
export function planResidents(seed: number, projects: readonly ProjectPlan[]): ResidentPlan[] {
  const ctx: Ctx = { rng: createRng(seed), mobiles: new Set(), ids: new Set(), out: [] };
  const { rng } = ctx;
  projects.forEach((project, p) => {
    const units = unitsOf(project);
    const homeOwners: ResidentPlan[] = [];
    units.forEach((u, i) => {
      if (u.type === '住宅') {
        if (u.status === '空置' && !rng.chance(0.4)) return;
        const occupied = u.status === '已入住';
        const people =
          u.status === '空置'
            ? [
                person(
                  ctx,
                  { project: p, gender: rng.chance(0.6) ? '男' : '女', born: [1955, 1990], idChance: 0.85 },
                  i,
                  '业主',
                ),
              ]
            : household(ctx, p, i, occupied);
        decorate(ctx, people, occupied);
        if (occupied && people[0]) homeOwners.push(people[0]);
      } else if (u.type === '商铺') {
        if (u.status === '空置') return;
        const people = [
          person(
            ctx,
            { project: p, gender: rng.chance(0.6) ? '男' : '女', born: [1955, 1985], idChance: 0.9 },
            i,
            '业主',
          ),
        ];
        const operator = person(
          ctx,
          { project: p, gender: rng.chance(0.5) ? '男' : '女', born: [1970, 1998], idChance: 0.8 },
          i,
          '租户',
        );
        operator.notes = `经营：${rng.pick(SHOP_TRADES)}`;
        people.push(operator);
        decorate(ctx, people, false);
      } else if (u.type === '车位') {
        // Sold spaces belong to owners of the estate; no new people.
        const buyer = u.status === '空置' || !homeOwners.length ? null : rng.pick(homeOwners);
        if (buyer && !buyer.units.some((l) => l.unit === i)) buyer.units.push({ unit: i, relation: '业主' });
      } else if (u.type === '办公') {
        if (u.status === '空置') return;
        const people: ResidentPlan[] = [];
        if (rng.chance(0.15)) {
          people.push(
            person(
              ctx,
              {
                project: p,
                gender: rng.chance(0.7) ? '男' : '女',
                born: [1960, 1985],
                idChance: 0.6,
                channel: 'office',
              },
              i,
              '业主',
            ),
          );
        }
        const company = rng.pick(OFFICE_TENANTS);
        const contacts = u.status === '已入住' && rng.chance(0.4) ? 2 : 1;
        for (let c = 0; c < contacts; c++) {
          const contact = person(
            ctx,
            {
              project: p,
              gender: rng.chance(0.5) ? '男' : '女',
              born: [1970, 2000],
              idChance: 0.4,
              channel: 'office',
            },
            i,
            '租户',
          );
          contact.notes = `租户单位：${company}`;
          people.push(contact);
        }
        decorate(ctx, people, false);
      }
    });
  });
  return ctx.out;
}
