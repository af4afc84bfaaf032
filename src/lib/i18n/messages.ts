// Both languages' strings, for the server to send the one in use as page data.
import type { Lang } from '../rules/types';
import { en } from './en';
import { translator, type Messages, type T } from './index';
import { vi } from './vi';

export const messagesFor = (lang: Lang): Messages => (lang === 'en' ? en : vi);

/** The server's translator for a request's language (notices and refusals of form actions). */
export const translatorFor = (lang: Lang): T => translator(lang, messagesFor(lang));
