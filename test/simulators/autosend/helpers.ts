/**
 * AutoSend's answer envelopes ({success, data} and {success: false, error}) and the strict request
 * checks every AutoSend route shares. Checks collect VALIDATION_FAILED details rather than stop at
 * the first, as AutoSend lists every bad field.
 */
import type { SimResponse } from '../common/response';

export interface FieldError {
	field: string;
	message: string;
}

// Deliberately simple: one @, no whitespace, a dot in the domain.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const OBJECT_ID = /^[0-9a-f]{24}$/i;

export function failure(status: number, code: string, message: string, details?: FieldError[]): SimResponse {
	const error: Record<string, unknown> = { message, code };
	if (details) error.details = details;
	return { status, body: { success: false, error } };
}

export function validationFailed(details: FieldError[]): SimResponse {
	return failure(400, 'VALIDATION_FAILED', 'Validation failed', details);
}

export function ok(data: unknown): SimResponse {
	return { status: 200, body: { success: true, data } };
}

export function unknownKeyErrors(body: Record<string, unknown>, allowed: string[]): FieldError[] {
	return Object.keys(body)
		.filter((key) => !allowed.includes(key))
		.map((key) => ({ field: key, message: `Unknown field '${key}'` }));
}

/** A non-empty array of strings, at most max long when AutoSend is given a cap. */
export function stringArrayErrors(field: string, value: unknown, max: number | undefined): FieldError[] {
	if (!Array.isArray(value)) return [{ field, message: `${field} must be an array of strings` }];
	if (value.length === 0) return [{ field, message: `${field} must contain at least 1 item` }];
	if (max !== undefined && value.length > max) {
		return [{ field, message: `${field} must contain at most ${max} items` }];
	}
	return value.flatMap((entry, index) =>
		typeof entry === 'string' ? [] : [{ field: `${field}[${index}]`, message: 'Must be a string' }],
	);
}
