/** E-mail intake: the ticket's e-mail thread, the reply box and the project mailbox settings. */
const zh = {
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
    offeredEmail: '新邮件工单分配给您',
    offeredPortal: '新网上报事分配给您',
    openOffered: '打开工单',
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

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const en: Strings<typeof zh> = {
  mail: {
    thread: 'E-mail thread',
    empty: 'No e-mails yet',
    incoming: 'Received',
    outgoing: 'Reply',
    from: 'From',
    to: 'To',
    attachments: 'Attachments',
    replyPlaceholder:
      'Sent to the resident by e-mail with the ticket number in the subject; their answer lands on this ticket',
    send: 'Send e-mail',
    sent: 'E-mail sent',
    offeredEmail: 'A new e-mail ticket is yours',
    offeredPortal: 'A new portal report is yours',
    openOffered: 'Open ticket',
    status: {
      received: 'Received',
      queued: 'Sending',
      sent: 'Sent',
      logged: 'Logged (no SMTP configured)',
      failed: 'Failed',
    },
    actions: {
      ticket_email_received: 'E-mail from the resident',
      ticket_email_sent: 'E-mail reply to the resident',
    },
  },
};

export default { zh, en };
