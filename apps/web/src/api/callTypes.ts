/** Call center shapes (apps/server/src/modules/telephony, ivr, knowledge). */
import type { Resident } from './types';

export interface CallItem {
  id: number;
  projectId: number;
  callId: string;
  direction: 'in' | 'out';
  state: 'dialing' | 'ringing' | 'answered' | 'ended';
  from: string;
  to: string;
  agentId: number | null;
  agentName: string | null;
  queue: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  recordingUrl: string | null;
  transcript: string | null;
  /** Forbidden phrases flagged in the transcript. */
  forbidden: string[];
  cause: string | null;
  callbackState: 'pending' | 'done' | null;
  callbackDueAt: string | null;
  tickets: { id: number; number: string }[];
  version: number;
  piiMasked: boolean;
}

export interface CallerTicket {
  id: number;
  number: string;
  type: string;
  status: string;
  title: string;
  createdAt: string;
}

export interface CallerLookup {
  number: string;
  e164: string | null;
  kind: string | null;
  extension: string | null;
  known: boolean;
  residents: (Resident & { openTickets: CallerTicket[] })[];
  lastContacts: { kind: 'ticket' | 'call'; at: string; ticket?: CallerTicket; call?: CallItem }[];
}

export interface Wallboard {
  queues: { name: string | null; waiting: number; longestWaitSeconds: number }[];
  agents: {
    id: number;
    name: string;
    state: string;
    reason: string | null;
    sinceSeconds: number;
    currentCallId: number | null;
  }[];
  today: {
    answered: number;
    abandoned: number;
    answeredWithinTarget: number;
    answeredWithinTargetRate: number | null;
    targetSeconds: number;
    targetRings: number;
    callbacksPending: number;
    perAgent: { agentId: number; name: string; answered: number; talkSeconds: number }[];
  };
}

export interface KbArticle {
  id: number;
  projectId: number | null;
  category: string;
  tags: string[];
  title: string;
  body?: string;
  excerpt?: string;
  visibility: 'internal' | 'public';
  uses: number;
  helpfulYes: number;
  helpfulNo: number;
  updatedAt: string;
  version: number;
}

export interface IvrReply {
  node: string;
  say?: string;
  /** The prompt as audio (signed link) when the server has a TTS engine. */
  audioUrl?: string;
  gather?: { maxDigits: number; timeoutSec: number };
  record?: { maxSeconds: number };
  transfer?: { queue: string; skill?: string };
  hangup?: boolean;
}

export interface FlowError {
  code: string;
  node?: string;
  path: string;
  message: string;
}

/** 专家席: a question an agent could not answer from the knowledge base. */
export interface KbQuestion {
  id: number;
  projectId: number;
  ticketId: number | null;
  ticketNumber: string | null;
  callerPhone: string | null;
  question: string;
  status: 'open' | 'answered' | 'published';
  askedById: number;
  askedByName: string | null;
  answer: string | null;
  answeredById: number | null;
  answeredByName: string | null;
  answeredAt: string | null;
  articleId: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
