// Parameters that read the same in every operation of both nodes.
import type { INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from './parameters';

/** Return All and Limit, as n8n's own Get Many operations offer them; Return All really pages through everything. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** How many records an item asks for: undefined for all of them. */
export function readLimit(parameters: ItemParameters, itemIndex: number): number | undefined {
	if (parameters.value('returnAll', itemIndex, false) === true) return undefined;
	const limit = Math.floor(Number(parameters.value('limit', itemIndex, 50)));
	return Number.isFinite(limit) && limit >= 1 ? limit : 50;
}

export const INPUT_MODE = 'inputMode';
export const FROM_INPUT_FIELDS = 'fromInputFields';
export const FIELD_SUFFIX = 'Field';

/**
 * "From Input Fields" for set-like operations, as n8n's database nodes offer "Map Automatically": the node
 * reads each item's values from named fields of its JSON instead of evaluating expressions, which n8n does
 * at about a millisecond per expression and item. Returns the mode switch and one field-name parameter per
 * value parameter (`<parameter>Field`); show the value parameters only in the default mode with
 * `mappedEachField`. ItemParameters reads from the fields when the mode is on.
 */
export function inputModeProperties(
	values: Array<{
		parameter: string;
		label: string;
		field?: string;
		show?: Record<string, string[]>;
		/** An item without the field is fine (the value is optional); otherwise it is refused, naming the field */
		optional?: boolean;
	}>,
): INodeProperties[] {
	return [
		{
			displayName: 'Input Mode',
			name: INPUT_MODE,
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Map Each Field',
					value: 'mapEachField',
					description: 'Set each value below, with expressions where needed (evaluated for every item)',
				},
				{
					name: 'From Input Fields',
					value: FROM_INPUT_FIELDS,
					description: "Read the values from named fields of each item's JSON: the fastest way for thousands of items",
				},
			],
			default: 'mapEachField',
		},
		...values.map(({ parameter, label, field, show, optional = false }): INodeProperties => {
			const property: INodeProperties = {
				displayName: `${label} Field`,
				name: `${parameter}${FIELD_SUFFIX}`,
				type: 'string',
				noDataExpression: true,
				// Empty reads the field named like the value (contactId, email, …); see ItemParameters.
				default: '',
				placeholder: `e.g. ${field ?? parameter}`,
				description: `The field of each input item that holds the ${label}; empty means "${field ?? parameter}". A dotted path reaches into objects.`,
				displayOptions: { show: { ...show, [INPUT_MODE]: [FROM_INPUT_FIELDS] } },
			};
			inputFieldOf.set(property, { field: field ?? parameter, optional });
			return property;
		}),
	];
}

/**
 * What a field-name parameter reads when left empty, and whether an item may lack the field (kept beside the
 * description, not in it: n8n would show unknown keys nowhere, but lint and the UI expect plain properties).
 */
const inputFieldOf = new WeakMap<INodeProperties, { field: string; optional: boolean }>();

export function inputFieldDefault(property: INodeProperties): { field: string; optional: boolean } | undefined {
	return inputFieldOf.get(property);
}

/** Shows a value parameter only when its values are mapped in the node (not read from input fields). */
export function mappedEachField(property: INodeProperties): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, [INPUT_MODE]: ['mapEachField'] },
		},
	};
}
