import type { IvrFlow } from './flow';

/**
 * Seeded for every project on first use. Working hours: the main menu (1 报修, 2 投诉建议, 3 咨询,
 * 0 人工) hands the caller to a queue. After hours: the closed announcement, an intent menu, a
 * voicemail, and a ticket (channel voicemail) that is called back the next working morning.
 */
export function defaultFlow(projectName: string): IvrFlow {
  return {
    start: 'hours',
    nodes: {
      hours: { type: 'hours', open: 'welcome', closed: 'closed' },
      welcome: { type: 'say', text: `您好，欢迎致电${projectName}物业客服中心。`, next: 'main' },
      main: {
        type: 'menu',
        prompt: '报修请按1，投诉建议请按2，咨询请按3，人工服务请按0。',
        options: { '1': 'to_repair', '2': 'to_complaint', '3': 'to_consult', '0': 'to_agent' },
        retries: 2,
        timeoutSec: 5,
        onFail: 'to_agent',
      },
      to_repair: { type: 'transfer', queue: '报修', skill: '报修', text: '正在为您转接报修专席，请稍候。' },
      to_complaint: { type: 'transfer', queue: '投诉建议', text: '正在为您转接投诉建议专席，请稍候。' },
      to_consult: { type: 'transfer', queue: '咨询', text: '正在为您转接咨询专席，请稍候。' },
      to_agent: { type: 'transfer', queue: '人工', text: '正在为您转接人工客服，请稍候。' },
      closed: {
        type: 'say',
        text: '您好，现在是非工作时间，客服中心已下班。如遇漏水、停电、电梯困人等紧急情况，请拨打24小时值班电话。',
        next: 'intent',
      },
      intent: {
        type: 'menu',
        prompt: '投诉请按1，建议请按2，报修请按3，查询您最近一张工单的进度请按4。',
        options: {
          '1': { next: 'voicemail', intent: '投诉' },
          '2': { next: 'voicemail', intent: '建议' },
          '3': { next: 'voicemail', intent: '报修' },
          '4': 'status',
        },
        retries: 2,
        timeoutSec: 5,
        onFail: 'voicemail',
      },
      status: { type: 'lookup', by: 'caller', next: 'goodbye' },
      voicemail: {
        type: 'record',
        prompt: '请在提示音后留言，说明您的房号和需要办理的事项，按井号键结束。',
        maxSeconds: 120,
        next: 'voicemail_ticket',
      },
      voicemail_ticket: { type: 'ticket', description: '非工作时间语音留言', next: 'voicemail_done' },
      voicemail_done: {
        type: 'hangup',
        text: '您的留言已记录，我们将在下一个工作日上午给您回电。感谢来电，再见。',
      },
      goodbye: { type: 'hangup', text: '感谢您的来电，再见。' },
    },
  };
}
