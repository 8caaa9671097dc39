// Resource locators the SuperOffice operations share, so every operation offers a selection the same way.
import type { INodeProperties } from 'n8n-workflow';

/** A static selection: From List (searched by name in the tenant) or By ID. */
export const selectionRLC: INodeProperties = {
	displayName: 'Selection',
	name: 'selectionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a selection...',
			typeOptions: { searchListMethod: 'searchSelections', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 938',
			validation: [
				{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'Enter the numeric selection ID' } },
			],
		},
	],
};

/** A record SuperOffice can list: From List (searched by name in the tenant) or By ID. */
function recordLocator(displayName: string, name: string, searchListMethod: string, noun: string, example: string) {
	const locator: INodeProperties = {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: `Enter the numeric ${noun} ID` } },
				],
			},
		],
	};
	return locator;
}

/** A person, by name or ID. */
export const personRLC = recordLocator('Person', 'personId', 'searchPersons', 'person', '266');

/** A company (SuperOffice's contact), by name or ID. */
export const companyRLC = recordLocator('Company (Contact)', 'contactId', 'searchCompanies', 'company', '138');
