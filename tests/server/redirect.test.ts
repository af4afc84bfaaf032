// The login's `next`: only a path on this site, whatever encoding tricks a link uses (issue 16
// item 3). The list holds the known open-redirect bypasses; each must fall back to the home page.
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/lib/server/auth/redirect';

const ORIGIN = 'https://capdo.example.gov.vn';

describe('safeNext', () => {
	it.each([
		['protocol-relative', '//evil.host/x'],
		['tab after the slash (Chromium strips it: //evil.host)', '/\t/evil.host/x'],
		['tab then backslash', '/\t\\evil.host/x'],
		['backslash as a slash', '/\\evil.host/x'],
		['backslash first', '\\/evil.host'],
		['CR LF header injection', '/x\r\nSet-Cookie: s=1'],
		['LF alone', '/x\nLocation: https://evil.host'],
		['NUL', '/x\u0000y'],
		['absolute URL', 'https://evil.host/x'],
		['scheme without slashes', 'http:evil.host'],
		['javascript:', 'javascript:alert(1)'],
		['leading space', ' /x'],
		['three slashes', '///evil.host'],
		['dot segment that normalizes to //', '/.//evil.host'],
		['dot-dot segment that normalizes to //', '/a/..//evil.host'],
		['encoded dot segment', '/%2e//evil.host'],
		['empty', ''],
		['very long', '/' + 'a'.repeat(3000)]
	])('refuses %s', (_, v) => {
		expect(safeNext(v, ORIGIN)).toBeUndefined();
	});

	it('keeps same-site paths, normalized and percent-encoded for a valid Location header', () => {
		expect(safeNext('/systems/1/result?x=1#a', ORIGIN)).toBe('/systems/1/result?x=1#a');
		expect(safeNext('/a/../overview', ORIGIN)).toBe('/overview');
		expect(safeNext('/tìm kiếm', ORIGIN)).toBe('/t%C3%ACm%20ki%E1%BA%BFm');
		expect(safeNext('/%2F%2Fevil.host', ORIGIN)).toBe('/%2F%2Fevil.host'); // a path here
		// Whatever survives is a valid header value: Latin-1 only, no control characters.
		for (const v of ['/đơn-vị', '/x?q=Sở Y tế', '/\u{1F600}'])
			expect(safeNext(v, ORIGIN)).toMatch(/^\/[\u0020-\u007e]*$/);
	});
});
