/** Staff alert channels ("my notification settings", the staff page) and the project webhook. */
export const zh = {
  staffChannels: {
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
  webhook: {
    title: '外发 Webhook',
    hint: '渠道为 Webhook（或服务商设为 webhook）的消息以 JSON POST 到此地址，带 x-guanjia-timestamp 与 x-guanjia-signature（HMAC-SHA256，对“时间戳.正文”签名）。失败按退避重试。',
    badUrl: '请输入 http(s) 地址',
    saved: 'Webhook 地址已保存',
    secretSet: '已设置签名密钥',
    noSecret: '未设置签名密钥（无法发送）',
    rotate: '生成新密钥',
    rotateConfirm: '生成新密钥后旧密钥立即失效，确定？',
    secretOnce: '请立即复制签名密钥，它只显示这一次',
  },
};
