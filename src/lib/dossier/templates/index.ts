// Templates by the rule set's `dossier.template`. A regime adds its own here (e.g. `nd331`, the
// Decree 331/2026 forms Mẫu 01–08 named in `dossier.forms`), composing the shared parts.
import { nd85 } from './nd85';
import type { Template } from './parts';

export const TEMPLATES: Record<string, Template> = { nd85 };
export type { Template, TemplateContext } from './parts';
