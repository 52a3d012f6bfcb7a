import { badRequest } from '../../platform/http/errors';
import { unknownMessageVariables } from '../broadcasts/rules/outage-template';
import { unknownVariables } from '../delivery/rules/template';

/** A residents' text may only use the known {变量} and {{variable}} names: 400 with the strays. */
export function assertKnownVariables(text: string | undefined | null, field: string): void {
  if (!text) return;
  const unknown = [...unknownMessageVariables(text), ...unknownVariables(text)];
  if (unknown.length)
    throw badRequest('Unknown template variables', { [field]: unknown, variables: unknown });
}
