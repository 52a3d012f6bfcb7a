import type { Strings } from '../merge';
import type { zh } from './mail';

export const en: Strings<typeof zh> = {
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
