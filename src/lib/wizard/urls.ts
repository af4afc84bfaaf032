// Every wizard screen has a URL; interview positions map to URLs and back, so the URL alone (with
// the stored answers) says where the user is. Pages pass these through resolve() (base path).
import type { Position } from './position';

export const MAIN = 'main';

/** A wizard path (with its query), typed so SvelteKit's resolve() accepts it. */
export type SystemPath = `/systems/${string}`;

export const systemUrl = (id: string, page = ''): SystemPath =>
	`/systems/${id}${page ? `/${page}` : ''}` as SystemPath;

/** A question page: `part` is MAIN or a component's id, `page` a fact's name or a group's id. */
export function questionUrl(id: string, part: string, page: string, returning = false): SystemPath {
	return `/systems/${id}/q/${part}/${page}${returning ? '?return=check' : ''}` as SystemPath;
}

/** The page for an interview position; `removed` lists answers the last change dropped. */
export function positionUrl(
	id: string,
	part: string,
	at: Position,
	returning: boolean,
	removed: string[] = []
): SystemPath {
	let url: SystemPath;
	switch (at.kind) {
		case 'question':
			url = questionUrl(id, part, at.page, returning);
			break;
		case 'review':
			url = systemUrl(id, returning ? 'check' : 'components');
			break;
		case 'exited':
			url = systemUrl(id, part === MAIN ? '' : 'components');
			break;
		case 'complete':
			url = systemUrl(id, 'result');
	}
	if (removed.length === 0) return url;
	const sep = url.includes('?') ? '&' : '?';
	return `${url}${sep}removed=${removed.map(encodeURIComponent).join(',')}` as SystemPath;
}
