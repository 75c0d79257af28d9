/** Who wrote a chat message and where it stands. Shared by the database schema, the contracts and the web page. */
export const messageRoles = ['user', 'assistant', 'system'] as const;
export type MessageRole = (typeof messageRoles)[number];

export const messageStatuses = ['complete', 'streaming', 'interrupted', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const DEFAULT_CONVERSATION_TITLE = 'New conversation';
export const MAX_QUESTION_LENGTH = 4000;
