// The cookie the layout's script reads to see who the server last saw signed in
// (session-marker.ts): found among the others by its exact name, decoded as the server encoded it.
import { describe, expect, it } from 'vitest';
import { markerUser, SESSION_MARKER } from '../../src/lib/session-marker';

describe('markerUser', () => {
	it('reads the marker among other cookies, by its exact name', () => {
		expect(SESSION_MARKER).toBe('capdo_user');
		expect(markerUser('capdo_lang=vi; capdo_user=unita; other=1')).toBe('unita');
		expect(markerUser('capdo_user=unitb')).toBe('unitb');
		expect(markerUser(' capdo_user = unitc ;x=1')).toBe('unitc');
		expect(markerUser('xcapdo_user=a; capdo_user_old=b; capdo_userx=c')).toBe('');
	});

	it('is empty when signed out: no marker, no cookies, or a cookie without "="', () => {
		expect(markerUser('')).toBe('');
		expect(markerUser('capdo_lang=en')).toBe('');
		expect(markerUser('capdo_user')).toBe('');
	});

	it('decodes what the server encoded, and keeps a value that does not decode', () => {
		expect(markerUser(`capdo_user=${encodeURIComponent('nguyễn văn a')}`)).toBe('nguyễn văn a');
		expect(markerUser('capdo_user=a%ZZb')).toBe('a%ZZb');
		expect(markerUser('capdo_user=a=b')).toBe('a=b');
	});
});
