// Both languages' strings, for the server to send the one in use as page data.
import type { Lang } from '../rules/types';
import { en } from './en';
import type { Messages } from './index';
import { vi } from './vi';

export const messagesFor = (lang: Lang): Messages => (lang === 'en' ? en : vi);
