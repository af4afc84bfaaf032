// Templates by the rule set's `dossier.template`: the Decree 85/2016 dossier and the Decree
// 331/2026 one (its Phụ lục forms Mẫu 01–03 as request letters), both composing the shared parts.
import { nd85 } from './nd85';
import { nd331 } from './nd331';
import type { Template } from './parts';

export const TEMPLATES: Record<string, Template> = { nd85, nd331 };
export type { DossierBlocks, Template, TemplateContext } from './parts';
