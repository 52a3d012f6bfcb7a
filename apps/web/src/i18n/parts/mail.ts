/** E-mail intake: the ticket's e-mail thread, the reply box and the project mailbox settings. */
export const zh = {
  mail: {
    thread: '邮件往来',
    empty: '暂无邮件',
    incoming: '来信',
    outgoing: '回复',
    from: '发件人',
    to: '收件人',
    attachments: '附件',
    replyPlaceholder: '回复内容将以邮件发送给住户，主题带工单号，住户回信会自动归入本工单',
    send: '发送邮件',
    sent: '邮件已发送',
    status: {
      received: '已收到',
      queued: '发送中',
      sent: '已发送',
      logged: '已记录（未配置 SMTP）',
      failed: '发送失败',
    },
    actions: {
      ticket_email_received: '收到住户邮件',
      ticket_email_sent: '邮件回复住户',
    },
  },
};
