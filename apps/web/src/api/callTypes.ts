/** Call center answers (telephony, IVR, knowledge), inferred from the server's response schemas. */
export type {
  CallerLookup,
  CallerTicket,
  CallItem,
  FlowError,
  IvrReply,
  KbArticle,
  KbQuestion,
  Wallboard,
} from '@guanjia/shared/api';
