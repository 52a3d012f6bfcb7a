import { createArticle } from '../modules/knowledge/article-commands';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

/**
 * The knowledge-base editor's demo: a draft being written for the first estate (not yet in any search
 * of agents or residents), next to the published standard answers.
 */
export async function seedDemoKnowledge(services: Services, boot: Bootstrap): Promise<void> {
  const project = await firstProject(services.database.db, boot.companyId);
  if (!project) return;
  await createArticle(services, seedAdmin(boot, [project.id]), {
    projectId: project.id,
    category: '电梯',
    tags: ['电梯', '年检'],
    title: '电梯年检期间停运安排',
    body: '每年电梯年检时，同一单元的电梯分批停运，每部停运不超过半天。停运前一天在单元门口和业主群公告；有老人、孕妇或行动不便的住户，可提前联系服务中心安排协助上下楼。',
    visibility: 'public',
    status: 'draft',
  });
}
