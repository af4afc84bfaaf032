// Where to fix what stops a dossier: each problem the dossier builder reports (by its path in the
// input) links to the page that edits it.
import { systemUrl, type SystemPath } from './urls';

export type IssueLink =
	{ kind: 'page'; path: SystemPath | '/unit' } | { kind: 'anchor'; id: string };

export function issueLink(path: string, id: string): IssueLink {
	const page = (p: SystemPath | '/unit'): IssueLink => ({ kind: 'page', path: p });
	if (path.startsWith('unit')) return page('/unit');
	if (path.startsWith('system.proposal')) return { kind: 'anchor', id: 'proposed-level' };
	if (path.startsWith('system.explanation') || path.startsWith('system.specialist'))
		return page(systemUrl(id, 'explanation'));
	if (path.startsWith('system.plan')) return page(systemUrl(id, 'plan'));
	if (path.startsWith('system.facts') || path.startsWith('system.components'))
		return page(systemUrl(id, 'check'));
	return page(systemUrl(id, 'details'));
}
