import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { ParsedMail } from '../modules/mail/parse-mail';
import { receiveMail } from '../modules/mail/receive-mail';
import { defaultProjectAddress } from '../modules/mail/rules/address';
import { parseMessageIds } from '../modules/mail/rules/thread';
import { mailConfigs } from '../modules/mail/schema';
import { projects } from '../modules/org/schema';
import { residents } from '../modules/residents/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';

const mail = (
  m: Partial<ParsedMail> & Pick<ParsedMail, 'messageId' | 'fromAddress' | 'subject' | 'body'>,
) => ({
  inReplyTo: [],
  references: [],
  fromName: null,
  to: [],
  attachments: [],
  ...m,
});

/**
 * Every project gets its mailbox (kefu@<code>.guanjia.local, what the demo's SMTP port 2525 takes
 * in); the first project shows a resident's e-mail thread and a stranger's mail waiting in 待受理.
 */
export async function seedDemoMail(services: Services, boot: Bootstrap): Promise<void> {
  const { db } = services.database;
  const rows = await db
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(asc(projects.id));
  if (!rows.length) return;
  await db
    .insert(mailConfigs)
    .values(
      rows.map((p) => ({
        companyId: boot.companyId,
        projectId: p.id,
        address: defaultProjectAddress(p.code),
      })),
    )
    .onConflictDoNothing();
  const first = rows[0] as { id: number; code: string };
  const inbox = defaultProjectAddress(first.code);
  const [resident] = await db
    .select({ name: residents.name, email: residents.email })
    .from(residents)
    .where(and(eq(residents.projectId, first.id), isNotNull(residents.email)))
    .orderBy(asc(residents.id))
    .limit(1);
  if (resident?.email) {
    const from = resident.email.toLowerCase();
    await receiveMail(
      services,
      mail({
        messageId: 'demo-1@mail.example.com',
        fromAddress: from,
        fromName: resident.name,
        subject: '卫生间天花板渗水',
        body: '您好，这两天我家卫生间天花板一直往下渗水，怀疑是楼上管道问题，能否安排师傅来看一下？周末全天在家。',
      }),
      [inbox],
    );
    await receiveMail(
      services,
      mail({
        messageId: 'demo-2@mail.example.com',
        inReplyTo: parseMessageIds('<demo-1@mail.example.com>'),
        references: ['demo-1@mail.example.com'],
        fromAddress: from,
        fromName: resident.name,
        subject: 'Re: 卫生间天花板渗水',
        body: '补充：渗水位置在马桶正上方，已经用盆接着了。',
      }),
      [inbox],
    );
  }
  await receiveMail(
    services,
    mail({
      messageId: 'demo-3@visitor.example.org',
      fromAddress: 'li.visitor@example.org',
      fromName: '李先生',
      subject: '咨询车位租赁',
      body: '请问小区地下车库还有月租车位吗？价格是多少？需要办理什么手续？',
    }),
    [inbox],
  );
}
