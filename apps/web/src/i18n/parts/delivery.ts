/** Staff alert channels ("my notification settings", the staff page) and the project webhook. */
const zh = {
  staffChannels: {
    menu: '我的通知设置',
    title: '我的通知设置',
    subtitle: '超时预警与超时告警除站内通知外，还会按下列渠道发送给您',
    staffTitle: '{{name}}的通知渠道',
    staffAction: '通知渠道',
    inapp: '站内通知（始终开启）',
    channels: '同时发送到',
    email: '邮件地址',
    emailHint: '留空则使用员工档案中的邮箱',
    mobile: '手机号码',
    mobileHint: '短信与微信模板消息发送到该号码；留空则使用员工档案中的电话',
    quietHours: '预警在免打扰时段（21:00–08:00）暂缓至次日发送；紧急工单的超时告警不受免打扰限制，随时送达。',
    saved: '通知设置已保存',
    channel: {
      email: '邮件',
      sms: '短信',
      wechat: '微信',
      webhook: 'Webhook（项目对接系统）',
    },
  },
};

const en: typeof zh = {
  staffChannels: {
    menu: 'My notification settings',
    title: 'My notification settings',
    subtitle: 'Besides the in-app notification, SLA warnings and breaches reach you on these channels',
    staffTitle: "{{name}}'s notification channels",
    staffAction: 'Channels',
    inapp: 'In-app notifications (always on)',
    channels: 'Also send by',
    email: 'E-mail address',
    emailHint: "Leave empty to use the staff profile's e-mail",
    mobile: 'Mobile number',
    mobileHint: "SMS and WeChat template messages go to this number; empty uses the staff profile's phone",
    quietHours:
      'Warnings wait during quiet hours (21:00–08:00) until morning; a breach of an urgent ticket bypasses quiet hours.',
    saved: 'Notification settings saved',
    channel: {
      email: 'E-mail',
      sms: 'SMS',
      wechat: 'WeChat',
      webhook: 'Webhook (project integration)',
    },
  },
};

export default { zh, en };
