/**
 * What the Person and Contact entity routes share: the strict reading of an entity body (only the
 * entity's own properties, typed as the Swagger says), EntityElement arrays (Emails, Phones), the
 * CustomFields dictionary against the tenant's published fields, and PATCH bodies (JSON Patch, RFC 6902,
 * or JSON Merge Patch, RFC 7396; the REST WebAPI page documents both).
 */
import { isPlainObject, type SimRequest } from '../../common/request';
import type { SimResponse } from '../../common/response';
import { InvalidInput, restError, tryParse } from '../helpers';
import type { SoCustomFieldInfo } from '../state';

/** The SuperOffice answer for a body the entity cannot take. */
export const badEntity = (error: InvalidInput): SimResponse => restError(400, 'ArgumentException', error.message);

export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An EntityElement as SuperOffice returns one (Emails, Phones, Urls). */
export function element(value: string): Record<string, unknown> {
	return { Value: value, StrippedValue: value.replace(/\s+/g, ''), Description: '' };
}

export const elements = (...values: Array<string | undefined>) =>
	values.filter((value): value is string => value !== undefined && value !== '').map(element);

const ELEMENT_KEYS = ['Value', 'StrippedValue', 'Description', 'TableRight', 'FieldProperties'];

/** The Value of each element of an EntityElement array. */
export function elementValues(value: unknown, where: string): string[] {
	if (!Array.isArray(value)) throw new InvalidInput(`${where} must be an array`);
	return value.map((entry, index) => {
		if (!isPlainObject(entry)) throw new InvalidInput(`${where}[${index}] must be an object`);
		for (const key of Object.keys(entry))
			if (!ELEMENT_KEYS.includes(key)) throw new InvalidInput(`${where}[${index}] has unexpected property '${key}'`);
		if (typeof entry.Value !== 'string' || entry.Value.trim() === '')
			throw new InvalidInput(`${where}[${index}].Value must be a non-empty string`);
		return entry.Value.trim();
	});
}

/** An e-mail address as SuperOffice would store it, or a 400. */
export function emailAddress(value: string, where: string): string {
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new InvalidInput(`${where} '${value}' is not an e-mail address`);
	return value;
}

/** CustomFields: string values, keyed by the FieldName of a published, writable custom field. */
export function customFieldValues(
	value: unknown,
	fields: SoCustomFieldInfo[],
	where = 'CustomFields',
): Record<string, string> {
	if (!isPlainObject(value)) throw new InvalidInput(`${where} must be an object`);
	const result: Record<string, string> = {};
	for (const [name, fieldValue] of Object.entries(value)) {
		const field = fields.find((candidate) => candidate.FieldName === name);
		if (!field) throw new InvalidInput(`${where} has unknown custom field '${name}'`);
		if (typeof fieldValue !== 'string')
			throw new InvalidInput(`${where}['${name}'] must be a string, got ${JSON.stringify(fieldValue)}`);
		result[name] = fieldValue;
	}
	return result;
}

/** Only the entity's own properties; the caller checks each one it keeps. */
export function entityBody(value: unknown, keys: string[], where: string): Record<string, unknown> {
	if (!isPlainObject(value)) throw new InvalidInput(`${where} must be a JSON object`);
	for (const key of Object.keys(value))
		if (!keys.includes(key)) throw new InvalidInput(`${where} has unexpected property '${key}'`);
	return value;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new InvalidInput(`${key} must be a string, got ${JSON.stringify(value)}`);
	return value;
}

export interface PatchOperation {
	op: 'add' | 'replace' | 'remove' | 'test';
	/** Without the leading slash, as written (paths are case-insensitive) */
	path: string;
	value?: unknown;
}

const PATCH_MEDIA_TYPES = [
	'application/json',
	'text/json',
	'application/json-patch+json',
	'application/merge-patch+json',
];

/**
 * A PATCH body as operations: a JSON Patch array as given, or a Merge Patch object as one replace per key.
 * The server's request reader only checks POST and PUT bodies, so the media type and the JSON are checked here.
 */
export function patchOperations(req: SimRequest): PatchOperation[] | SimResponse {
	if (!PATCH_MEDIA_TYPES.includes(req.mediaType)) {
		return restError(
			415,
			'UnsupportedMediaType',
			`The request entity's media type '${req.mediaType || '(none)'}' is not supported for this resource`,
		);
	}
	if (req.jsonError) return restError(400, 'ArgumentException', req.jsonError);
	const body = req.body;
	if (isPlainObject(body)) return Object.entries(body).map(([path, value]) => ({ op: 'replace', path, value }));
	if (!Array.isArray(body) || body.length === 0)
		return restError(400, 'ArgumentException', 'A PATCH body is a JSON Patch array or a JSON Merge Patch object');
	const operations: PatchOperation[] = [];
	for (const [index, entry] of body.entries()) {
		if (!isPlainObject(entry) || typeof entry.op !== 'string' || typeof entry.path !== 'string')
			return restError(400, 'ArgumentException', `Patch operation ${index} needs "op" and "path"`);
		const op = entry.op.toLowerCase();
		if (!['add', 'replace', 'remove', 'test'].includes(op))
			return restError(400, 'ArgumentException', `Patch operation ${index}: op '${entry.op}' is not supported`);
		if (op !== 'remove' && !('value' in entry))
			return restError(400, 'ArgumentException', `Patch operation ${index} needs a "value"`);
		operations.push({ op: op as PatchOperation['op'], path: entry.path.replace(/^\//, ''), value: entry.value });
	}
	return operations;
}

/** An entity as REST answers it: with its own URL under _Links. */
export const withLinks = (entity: Record<string, unknown>, url: string) => ({ ...entity, _Links: { Self: url } });

/** Every published custom field, empty: what a new entity starts with. */
export const blankCustomFields = (fields: SoCustomFieldInfo[]): Record<string, string> =>
	Object.fromEntries(fields.map((field) => [field.FieldName, '']));

/** The deprecated UserDefinedFields ("SuperOffice:n") or ExtraFields (the rest) view of CustomFields. */
export const customFieldsPart = (fields: Record<string, string>, userDefined: boolean) =>
	Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith('SuperOffice:') === userDefined));

/**
 * What a create body may not carry: lists the simulator keeps nothing of (accepted only empty, as the
 * template has them), and values in UserDefinedFields or ExtraFields, which are deprecated for CustomFields
 * and would compete with it.
 */
export function refuseUnkept(body: Record<string, unknown>, lists: string[]): void {
	for (const list of lists) {
		const value = body[list];
		if (value !== undefined && value !== null && (!Array.isArray(value) || value.length > 0))
			throw new InvalidInput(`${list} must be empty here (the simulator keeps none)`);
	}
	for (const key of ['UserDefinedFields', 'ExtraFields']) {
		const value = body[key];
		if (value && typeof value === 'object' && Object.values(value).some((v) => v !== '' && v !== null))
			throw new InvalidInput(`${key} is deprecated; write custom fields through CustomFields`);
	}
}

/**
 * A patch of CustomFields or CustomFields/<name>, applied to `values`; false for any other path. As in the
 * documented udef example, replacing CustomFields changes the fields given and keeps the others.
 */
export function patchCustomFields(
	values: Record<string, string>,
	{ op, path, value }: PatchOperation,
	fields: SoCustomFieldInfo[],
): boolean {
	const key = path.toLowerCase();
	if (key === 'customfields') Object.assign(values, customFieldValues(value, fields));
	else if (key.startsWith('customfields/'))
		Object.assign(
			values,
			customFieldValues({ [path.slice('customfields/'.length)]: op === 'remove' ? '' : value }, fields),
		);
	else return false;
	return true;
}

/**
 * PATCH /v1/{Entity}/{id}: the record's copy gets each operation (a 400 on the first that cannot apply), then
 * replaces the record, so a refused patch changes nothing.
 */
export function patchRecord<T extends { customFields?: Record<string, string>; updated?: string }>(
	req: SimRequest,
	lookup: { found: T } | { error: SimResponse },
	apply: (record: T, operation: PatchOperation) => void,
	save: (record: T) => SimResponse,
): SimResponse {
	if ('error' in lookup) return lookup.error;
	const operations = patchOperations(req);
	if (!Array.isArray(operations)) return operations;
	const record: T = { ...lookup.found, customFields: { ...lookup.found.customFields } };
	const applied = tryParse(() => {
		for (const operation of operations) {
			if (operation.op === 'test') throw new InvalidInput('The simulator does not evaluate "test" operations');
			apply(record, operation);
		}
	});
	if (applied instanceof InvalidInput) return badEntity(applied);
	record.updated = nowIso();
	return save(record);
}
