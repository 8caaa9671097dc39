/** What the simulators' own specs share: a fetch that keeps status, text and parsed JSON, and the seeded credentials. */

export const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const SO_BASIC = basic('so-user', 'so-password');
export const SO_JSON = { authorization: SO_BASIC, 'content-type': 'application/json; charset=utf-8' };
export const AS_KEY = 'AS_test_key_123';
export const AS_JSON = { authorization: `Bearer ${AS_KEY}`, 'content-type': 'application/json' };

// Specs dig into arbitrary JSON bodies; `any` keeps the assertions readable.
export async function call(
	url: string,
	init: RequestInit = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
	const response = await fetch(url, init);
	const text = await response.text();
	let body: unknown;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: response.status, body, text, headers: response.headers };
}
