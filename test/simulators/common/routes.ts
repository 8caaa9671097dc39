/** Routes as the services' routes modules declare them, and the lookup both simulators dispatch with. */
import type { SimRequest } from './request';
import type { SimResponse } from './response';

export interface Route {
	method: string;
	/** Matched against the whole path; capture groups become params. */
	pattern: RegExp;
	run: (req: SimRequest, params: string[]) => SimResponse | Promise<SimResponse>;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: string[] }
	| { kind: 'wrongMethod'; allowed: string[] }
	| { kind: 'none' };

/** Finds the route for a request, telling "no such path" apart from "path exists, other verb". */
export function findRoute(routes: Route[], method: string, path: string): RouteMatch {
	const allowed: string[] = [];
	for (const route of routes) {
		const match = route.pattern.exec(path);
		if (!match) continue;
		if (route.method === method) {
			return { kind: 'found', route, params: match.slice(1).map(safeDecode) };
		}
		allowed.push(route.method);
	}
	return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
}

// A malformed escape is the client's problem, not a simulator crash; keep the raw segment.
function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
