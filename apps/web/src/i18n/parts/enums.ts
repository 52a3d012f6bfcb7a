/**
 * The Chinese values the server stores and sends for its vocabularies (notice types and statuses,
 * outage kinds, ticket types and statuses, unit and resident terms …), named in the console's language:
 * the Chinese reads itself, English has its word here. useEnumLabel (enumLabel.ts) looks values up;
 * enums.test.ts checks every value of the shared vocabularies has its English.
 */
const en = {
  enums: {
    // Notices
    停水停电: 'Water/power outage',
    欠费提醒: 'Payment reminder',
    社区活动: 'Community event',
    安全提示: 'Safety tip',
    施工公告: 'Works notice',
    消防演练: 'Fire drill',
    一般通知: 'General notice',
    草稿: 'Draft',
    待审核: 'Pending review',
    待批准: 'Pending approval',
    已批准: 'Approved',
    已发布: 'Published',
    已撤回: 'Withdrawn',
    // Outages
    停水: 'Water outage',
    停电: 'Power outage',
    停气: 'Gas outage',
    电梯停运: 'Lift out of service',
    网络电视: 'Internet/TV',
    施工: 'Works',
    其他: 'Other',
    进行中: 'Ongoing',
    已恢复: 'Restored',
    // Tickets and work orders
    报修: 'Repair',
    投诉: 'Complaint',
    咨询: 'Enquiry',
    建议: 'Suggestion',
    求助: 'Assistance',
    表扬: 'Praise',
    急: 'Urgent',
    一般: 'Normal',
    预约: 'Appointment',
    待受理: 'New',
    处理中: 'In progress',
    待回访: 'Awaiting callback',
    已关闭: 'Closed',
    已取消: 'Cancelled',
    待派单: 'To dispatch',
    已派单: 'Dispatched',
    已接单: 'Accepted',
    已到场: 'On site',
    挂起: 'Paused',
    已完成: 'Completed',
    // Estate and residents
    住宅: 'Residential',
    商铺: 'Shop',
    车位: 'Parking space',
    办公: 'Office',
    写字楼: 'Office building',
    商业: 'Commercial',
    综合体: 'Mixed-use',
    空置: 'Vacant',
    已交房: 'Handed over',
    装修中: 'Under renovation',
    已入住: 'Occupied',
    业主: 'Owner',
    家属: 'Family',
    租户: 'Tenant',
    男: 'Male',
    女: 'Female',
    // Portal binding requests
    已通过: 'Approved',
    已驳回: 'Rejected',
  },
};

/** Chinese: every value is its own label. */
const zh: typeof en = {
  enums: Object.fromEntries(Object.keys(en.enums).map((k) => [k, k])) as typeof en.enums,
};

export default { zh, en };
