import type { zh } from './kb';

export const en: typeof zh = {
  kbExpert: {
    ask: 'No answer found — ask an expert',
    askTitle: 'Ask an expert',
    askHint:
      'You are notified when the expert answers, and the answer shows on the ticket; it can become an article in one click.',
    question: 'Question',
    questionPlaceholder: 'What did the resident ask? Describe the situation',
    callerPhone: 'Caller number',
    submit: 'Send to the experts',
    asked: 'Passed to the experts; you will be notified of the answer',
    title: 'Expert seat',
    subtitle:
      'Questions agents could not answer from the knowledge base; publish an answer as an article in one click',
    statuses: { open: 'Waiting', answered: 'Answered', published: 'Published' },
    askedBy: 'Asked by {{name}}',
    auto: 'Aggregated · asked by {{count}} residents',
    autoHint:
      'Similar consultations this week found no knowledge-base article; answer once and publish one standard answer',
    members: 'Consultations:',
    ticket: 'Ticket {{number}}',
    answer: 'Answer',
    answerPlaceholder: 'The standard answer for the agent (also the article body)',
    sendAnswer: 'Send answer',
    editAnswer: 'Edit answer',
    answered: 'The answer was sent to the agent',
    publish: 'Publish as article',
    published: 'Published as a knowledge-base article',
    category: 'Category',
    articleTitle: 'Article title',
    articleTitleHint: 'Empty: the question’s first sentence',
    visibility: 'Visibility',
    internal: 'Staff only',
    public: 'May be shown to residents',
    companyWide: 'For the whole company',
    empty: 'No questions',
    mine: 'My questions to the experts',
    noneMine: 'You have not asked the experts anything yet',
    waiting: 'Waiting for an expert',
    openArticle: 'Open the article',
  },
  ivrAudio: {
    play: 'Play',
    noTts: 'No text-to-speech engine configured: text only',
  },
};
