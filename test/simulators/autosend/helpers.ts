/**
 * AutoSend's answer envelopes ({success, data} and {success: false, error}) and the strict request
 * checks every AutoSend route shares. Checks collect VALIDATION_FAILED details rather than stop at
 * the first, as AutoSend lists every bad field.
 */
import type { SimResponse } from '../common/response';
import type { AsFieldType } from './state';

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

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An {email, name?} object, as AutoSend takes for from, to, replyTo and each cc/bcc entry. */
export function addressErrors(field: string, value: unknown, { required = false } = {}): FieldError[] {
	if (value === undefined) return required ? [{ field, message: `${field} is required` }] : [];
	if (!isObject(value)) return [{ field, message: `${field} must be an object with email and name` }];
	const details = unknownKeyErrors(value, ['email', 'name']).map((detail) => ({
		...detail,
		field: `${field}.${detail.field}`,
	}));
	if (typeof value.email !== 'string' || !EMAIL.test(value.email)) {
		details.push({ field: `${field}.email`, message: 'Invalid email format' });
	}
	if (value.name !== undefined && typeof value.name !== 'string') {
		details.push({ field: `${field}.name`, message: 'name must be a string' });
	}
	return details;
}

/** An optional string of at most `max` characters. */
export function textErrors(field: string, value: unknown, max?: number): FieldError[] {
	if (value === undefined) return [];
	if (typeof value !== 'string') return [{ field, message: `${field} must be a string` }];
	if (max !== undefined && value.length > max)
		return [{ field, message: `${field} must be at most ${max} characters` }];
	return [];
}

/** page and limit of a paged read: whole numbers, page from 1, limit 1-100. */
export function pagingErrors(page: unknown, limit: unknown): FieldError[] {
	const details: FieldError[] = [];
	if (typeof page !== 'number' || !Number.isInteger(page) || page < 1) {
		details.push({ field: 'page', message: 'page must be an integer >= 1' });
	}
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
		details.push({ field: 'limit', message: 'limit must be an integer between 1 and 100' });
	}
	return details;
}

/** One page of records and AutoSend's pagination object. */
export function paged<T>(
	records: T[],
	page: number,
	limit: number,
): { items: T[]; pagination: Record<string, number> } {
	return {
		items: records.slice((page - 1) * limit, page * limit),
		pagination: { page, limit, total: records.length, pages: Math.ceil(records.length / limit) },
	};
}

/** Whether a value fits a custom field's or event property's type; text that reads as the type fits too. */
export function fitsFieldType(type: AsFieldType, value: unknown): boolean {
	if (value === null) return true;
	switch (type) {
		case 'string':
			return typeof value === 'string' || typeof value === 'number';
		case 'number':
			return (
				(typeof value === 'number' && Number.isFinite(value)) ||
				(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
			);
		case 'boolean':
			return typeof value === 'boolean' || value === 'true' || value === 'false';
		case 'date':
			return (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime());
	}
}

/** The value as a field of the type stores it. */
export function coerceToFieldType(type: AsFieldType, value: unknown): unknown {
	if (value === null) return null;
	if (type === 'number') return Number(value);
	if (type === 'boolean') return value === true || value === 'true';
	if (type === 'date') return new Date(value as string).toISOString();
	return String(value);
}
