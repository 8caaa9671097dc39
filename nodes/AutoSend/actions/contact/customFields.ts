// Custom field values for Create or Update: fields picked from the project's list with a value each, and/or
// a JSON object. AutoSend checks each value against the field's type.
import type { IDataObject, INode } from 'n8n-workflow';
import { invalidInput } from '../../../shared/validation';

/** Contact fields AutoSend reserves; they have their own parameters (or are AutoSend's own). */
const RESERVED = new Set(
	[
		'email',
		'firstName',
		'first_name',
		'lastName',
		'last_name',
		'userId',
		'externalId',
		'unsubscribed',
		'unsubscribe',
		'unsubscribe_groups',
		'unsubscribe_preferences',
		'createdAt',
		'updatedAt',
		'contactLists',
	].map((name) => name.toLowerCase()),
);

const FIX_JSON = 'Enter Custom Fields (JSON) as an object of field names and values, e.g. {"plan": "pro", "seats": 5}.';

function checkedEntry(node: INode, itemIndex: number, name: string, value: unknown, where: string) {
	if (name === '') {
		throw invalidInput(node, itemIndex, `${where} has a field without a name`, 'Choose the field, or remove the row.');
	}
	if (RESERVED.has(name.toLowerCase())) {
		throw invalidInput(
			node,
			itemIndex,
			`${where} names "${name}", which is one of AutoSend's reserved contact fields`,
			'Set email, names and User ID with their own parameters; custom fields are the fields created in AutoSend.',
		);
	}
	if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
		throw invalidInput(
			node,
			itemIndex,
			`${where}: the value of "${name}" must be text, a number, true/false or null, but got ${JSON.stringify(value)?.slice(0, 60)}`,
			'AutoSend custom fields hold text, numbers, true/false or dates (as text).',
		);
	}
}

/** The item's custom field values, JSON first and picked fields over it; undefined when there are none. */
export function readCustomFields(
	node: INode,
	itemIndex: number,
	additionalFields: IDataObject,
): IDataObject | undefined {
	const values: IDataObject = {};
	let json: unknown = additionalFields.customFieldsJson;
	if (typeof json === 'string') {
		if (json.trim() === '') json = {};
		else {
			try {
				json = JSON.parse(json);
			} catch (error) {
				throw invalidInput(
					node,
					itemIndex,
					`Custom Fields (JSON) is not valid JSON: ${(error as Error).message}`,
					FIX_JSON,
				);
			}
		}
	}
	if (json !== undefined && json !== null) {
		if (typeof json !== 'object' || Array.isArray(json)) {
			throw invalidInput(
				node,
				itemIndex,
				`Custom Fields (JSON) must be a JSON object, but got ${JSON.stringify(json)?.slice(0, 60)}`,
				FIX_JSON,
			);
		}
		for (const [name, value] of Object.entries(json)) {
			checkedEntry(node, itemIndex, name, value, 'Custom Fields (JSON)');
			values[name] = value as IDataObject[string];
		}
	}
	const picked = ((additionalFields.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	for (const { name, value } of picked) {
		const field = String(name ?? '').trim();
		checkedEntry(node, itemIndex, field, value ?? '', 'Custom Fields');
		values[field] = (value ?? '') as IDataObject[string];
	}
	return Object.keys(values).length > 0 ? values : undefined;
}
