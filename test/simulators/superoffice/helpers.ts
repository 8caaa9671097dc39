/**
 * SuperOffice's error bodies and the strict request checks every SuperOffice route shares. Routes
 * throw InvalidInput from a parse and turn it into the answer SuperOffice gives (an agent error or
 * a REST error), so a sloppy request fails in tests instead of in production.
 */
import { isPlainObject } from '../common/request';
import type { SimResponse } from '../common/response';

const MAX_INT32 = 2147483647;
const REQUEST_INVALID = 'The request is invalid.';

export function restError(
	status: number,
	errorType: string,
	message: string,
	source = 'SuperOffice.WebApi',
): SimResponse {
	return { status, body: { Error: true, ErrorType: errorType, ErrorMessage: message, ErrorSource: source } };
}

/** Agent-style failure; agents report invalid data with this body, mostly on HTTP 200 (reference §4). */
export function agentError(status: number, detail: string): SimResponse {
	return { status, body: { Message: REQUEST_INVALID, MessageDetail: detail } };
}

export function notFound(entity: string, id: number): SimResponse {
	return restError(404, 'SoNotFoundException', `${entity} id ${id} not found`, 'SuperOffice.Services.Implementation');
}

export class InvalidInput extends Error {}

/** Turns invalid input into a value; any other exception is a simulator bug and must surface. */
export function tryParse<T>(parse: () => T): T | InvalidInput {
	try {
		return parse();
	} catch (error) {
		if (error instanceof InvalidInput) return error;
		throw error;
	}
}

/** Rejects anything but an object with exactly the given keys (case-sensitive). */
export function requireExactKeys(value: unknown, keys: string[], where: string): Record<string, unknown> {
	if (!isPlainObject(value)) throw new InvalidInput(`${where} must be a JSON object`);
	for (const key of Object.keys(value)) {
		if (!keys.includes(key)) throw new InvalidInput(`${where} has unexpected property '${key}'`);
	}
	for (const key of keys) {
		if (!(key in value)) throw new InvalidInput(`${where} is missing required property '${key}'`);
	}
	return value;
}

export function requireInt32(obj: Record<string, unknown>, key: string, min: number, field: string): number {
	const value = obj[key];
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_INT32) {
		throw new InvalidInput(`${field} must be an integer between ${min} and ${MAX_INT32}, got ${JSON.stringify(value)}`);
	}
	return value;
}

/** An id from a URL segment: digits within int32, else undefined. */
export function parseId(raw: string): number | undefined {
	if (!/^\d+$/.test(raw)) return undefined;
	const id = Number(raw);
	return id <= MAX_INT32 ? id : undefined;
}

export type Lookup<T> = { found: T } | { error: SimResponse };

/** The record a URL segment names, or the REST error SuperOffice gives for a malformed or unknown id. */
export function lookupById<T>(records: Map<number, T>, rawId: string, entity: string): Lookup<T> {
	const id = parseId(rawId);
	if (id === undefined) {
		return { error: restError(400, 'ArgumentException', `'${rawId}' is not a valid ${entity.toLowerCase()} id`) };
	}
	const found = records.get(id);
	return found ? { found } : { error: notFound(entity, id) };
}
