// What the Person and Company (Contact) operations share in their parameters: Simplify, custom fields
// (picked from the tenant's list, or given as JSON), the text fields of Additional/Update Fields and
// Filters, and how an item's values for them are checked before anything is sent.
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { invalidInput, normaliseEmail } from '../../shared/validation';

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return only the fields a workflow usually needs (IDs, names, emails, phones, company, dates) instead of the whole record as SuperOffice sends it',
};

/** Additional Fields (Create) or Update Fields (Update): a collection of the given fields, in alphabetical order. */
export function fieldsCollection(
	name: 'additionalFields' | 'updateFields',
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields',
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Updated Since filter of a Get Many. */
export function updatedSinceFilter(records: string): INodeProperties {
	return {
		displayName: 'Updated Since',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
		description: `Only ${records} changed after this moment (UTC)`,
	};
}

/** Custom Fields (picked from the tenant's list) and Custom Fields (JSON), for Additional or Update Fields. */
export function customFieldsOptions(loadOptionsMethod: string, entity: string): INodeProperties[] {
	return [
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Custom Field',
			default: {},
			description: `Values for the ${entity}'s custom fields (user-defined and extra fields), sent in CustomFields`,
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'fieldName',
							type: 'options',
							typeOptions: { loadOptionsMethod },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'The value as text (SuperOffice keeps every custom field value as text); empty clears the field',
						},
					],
				},
			],
		},
		{
			displayName: 'Custom Fields (JSON)',
			name: 'customFieldsJson',
			type: 'json',
			default: '{}',
			description:
				'Custom fields as one JSON object of field name to value, e.g. {"SuperOffice:1": "Gold", "x_tier": "A"}; combined with Custom Fields',
		},
	];
}

const FIX_CUSTOM_FIELDS =
	'Pick each field from the list (or give its name, like SuperOffice:1 or x_foo) and give its value as text, a number or true/false.';

/** One custom field value as SuperOffice keeps it: text. Booleans become 1 or 0, as checkboxes are stored. */
function customFieldValue(node: INode, itemIndex: number, name: string, value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'boolean') return value ? '1' : '0';
	throw invalidInput(
		node,
		itemIndex,
		`Custom field "${name}" must be text, a number or true/false, but got ${JSON.stringify(value)?.slice(0, 60)}`,
		FIX_CUSTOM_FIELDS,
	);
}

/** The custom fields an item sets, from both parameters; undefined when it sets none. */
export function readCustomFields(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
): Record<string, string> | undefined {
	const result: Record<string, string> = {};
	const set = (rawName: unknown, value: unknown) => {
		const name = typeof rawName === 'string' ? rawName.trim() : '';
		if (name === '' || /\s/.test(name)) {
			throw invalidInput(
				node,
				itemIndex,
				`Custom Fields has a field without a valid name (${JSON.stringify(rawName) ?? 'nothing'})`,
				FIX_CUSTOM_FIELDS,
			);
		}
		result[name] = customFieldValue(node, itemIndex, name, value);
	};
	const picked = (fields.customFields as { field?: IDataObject[] } | undefined)?.field ?? [];
	for (const entry of picked) set(entry.fieldName, entry.value);
	let json = fields.customFieldsJson;
	if (typeof json === 'string') {
		try {
			json = json.trim() === '' ? {} : JSON.parse(json);
		} catch (error) {
			throw invalidInput(
				node,
				itemIndex,
				`Custom Fields (JSON) is not valid JSON: ${(error as Error).message}`,
				'Enter a JSON object of field name to value, e.g. {"SuperOffice:1": "Gold"}.',
			);
		}
	}
	if (json !== undefined && json !== null) {
		if (typeof json !== 'object' || Array.isArray(json)) {
			throw invalidInput(
				node,
				itemIndex,
				`Custom Fields (JSON) must be a JSON object, but got ${JSON.stringify(json)?.slice(0, 60)}`,
				'Enter a JSON object of field name to value, e.g. {"SuperOffice:1": "Gold"}.',
			);
		}
		for (const [name, value] of Object.entries(json)) set(name, value);
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * A text entry of a collection (Additional Fields, Update Fields, Filters): undefined when the item does not
 * set it, else the trimmed text ('' when set empty). `email` checks and normalises an address.
 */
export function collectionText(
	node: INode,
	itemIndex: number,
	collection: IDataObject,
	key: string,
	label: string,
	{ email = false } = {},
): string | undefined {
	if (!(key in collection)) return undefined;
	const value = collection[key];
	if (value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number') {
		throw invalidInput(
			node,
			itemIndex,
			`${label} must be text, but got ${JSON.stringify(value)?.slice(0, 60)}`,
			`Enter ${label} as text, or use an expression that resolves to text for this item.`,
		);
	}
	const text = String(value ?? '').trim();
	if (!email || text === '') return text;
	const address = normaliseEmail(text);
	if (address === undefined) {
		throw invalidInput(
			node,
			itemIndex,
			`${label} contains ${JSON.stringify(text)}, which is not an email address`,
			'Enter one address like name@example.com (no "mailto:", no invisible characters).',
		);
	}
	return address;
}

/** An OData text literal: quoted, a quote inside doubled. */
export const odataText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** An OData date literal for "updated since": the moment in UTC, to the second. */
export function odataDate(node: INode, itemIndex: number, value: unknown, label: string): string {
	// A Luxon DateTime (from $now and the like) knows its ISO form; strings and numbers are parsed.
	const iso = (value as { toISO?: () => string } | null)?.toISO?.();
	const raw = iso ?? (value instanceof Date ? value.getTime() : value);
	const date = typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : undefined;
	if (date && raw !== '' && !Number.isNaN(date.getTime())) return odataText(date.toISOString().slice(0, 19));
	throw invalidInput(
		node,
		itemIndex,
		`${label} must be a date, but got ${JSON.stringify(value)?.slice(0, 60)}`,
		'Pick a date and time, or use an expression that resolves to an ISO date such as 2026-01-15T08:00:00Z.',
	);
}

/** The "changed after" term of Filters › Updated Since, when the item sets it. */
export function updatedSinceTerm(node: INode, itemIndex: number, filters: IDataObject, column: string): string[] {
	const value = filters.updatedSince;
	if (value === undefined || value === null || value === '') return [];
	return [`${column} after ${odataDate(node, itemIndex, value, 'Filters › Updated Since')}`];
}

/** The Value of each element of an EntityElement array (Emails, Phones): what a workflow wants of it. */
export function elementValues(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.map((element) => (element && typeof element === 'object' ? (element as IDataObject).Value : undefined))
		.filter((text): text is string => typeof text === 'string' && text !== '');
}

/** An EntityElement array (Emails, Phones) holding one value. */
export const oneElement = (value: string): IDataObject[] => [{ Value: value }];

/** The template's CustomFields with the item's values over them. */
export const withCustomFields = (template: IDataObject, values: Record<string, string>): IDataObject => ({
	...((template.CustomFields as IDataObject | null) ?? {}),
	...values,
});

/** One JSON Patch (RFC 6902) operation, the PATCH format SuperOffice's REST documentation calls preferred. */
export interface PatchOperation extends IDataObject {
	op: 'replace';
	path: string;
	value: IDataObject | IDataObject[] | string;
}

/** An Update Fields entry and the entity property it replaces; `element` ones hold a one-value array. */
export interface UpdateField {
	key: string;
	label: string;
	path: string;
	kind?: 'text' | 'email' | 'element';
}

/**
 * The JSON Patch for an item's Update Fields: one replace per field it sets, plus CustomFields (as in
 * SuperOffice's documented example, the fields given change and the others keep their values). An empty
 * value is not sent: an expression that resolves to nothing must not wipe a name or an address.
 */
export function updateFieldsPatch(
	node: INode,
	itemIndex: number,
	fields: IDataObject,
	entries: UpdateField[],
): PatchOperation[] {
	const operations: PatchOperation[] = [];
	for (const { key, label, path, kind = 'text' } of entries) {
		const text = collectionText(node, itemIndex, fields, key, `Update Fields › ${label}`, { email: kind === 'email' });
		if (text) operations.push({ op: 'replace', path, value: kind === 'text' ? text : oneElement(text) });
	}
	const customFields = readCustomFields(node, itemIndex, fields);
	if (customFields) operations.push({ op: 'replace', path: '/CustomFields', value: customFields });
	if (operations.length === 0) {
		throw invalidInput(
			node,
			itemIndex,
			'Update Fields sets nothing, so there is nothing to change',
			'Add at least one field under Update Fields, with a value (empty values are not sent).',
		);
	}
	return operations;
}
