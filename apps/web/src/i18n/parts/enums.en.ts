// The English lives beside the Chinese it is derived from.
export { en } from './enums';
