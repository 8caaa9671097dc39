// Selection › Get Members: the companies and persons in a selection, with ids, names and email addresses,
// paged through with $top/$skip (Return All) or up to Limit.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { ItemParameters } from '../../../shared/parameters';
import { runEach } from '../../../shared/runners';
import { SUPEROFFICE } from '../../transport';
import { selectionRLC } from '../../descriptions/rlc.description';
import { archiveRecords, rowId as id, rowText as text } from '../archiveRows';
import { responseOptionsOf, superOfficeOptions } from '../common.description';

/** Columns of the selection member archive (ContactPersonStaticSelectionV2) that make up one member. */
const MEMBER_COLUMNS = [
	'selectionMemberId',
	'contactId',
	'name',
	'personId',
	'firstName',
	'lastName',
	'fullName',
	'personEmail/emailAddress',
	'email/emailAddress',
];

const properties: INodeProperties[] = [
	{ ...selectionRLC, description: 'The selection whose members to list (static, dynamic or combined)' },
	...returnAllOrLimit,
	superOfficeOptions({ combines: false, returnsRecords: true }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['getMembers'] } },
	properties,
);

/** One member as the node outputs it: the same keys for every row, whatever SuperOffice names its columns. */
function member(selectionId: number, row: IDataObject): IDataObject {
	const personId = id(row.personId);
	return {
		selectionId,
		memberType: personId > 0 ? 'person' : 'company',
		contactId: id(row.contactId),
		personId,
		companyName: text(row.name),
		fullName: text(row.fullName),
		firstName: text(row.firstName),
		lastName: text(row.lastName),
		// A company member's address is the company's; a person member's is the person's own.
		email: text(personId > 0 ? row['personEmail/emailAddress'] : row['email/emailAddress']),
		companyEmail: text(row['email/emailAddress']),
		selectionMemberId: id(row.selectionMemberId),
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const parameters = new ItemParameters(this, properties);
	return await runEach(this, {
		defaults: SUPEROFFICE,
		prepare: (itemIndex) => ({
			selectionId: parameters.id('selectionId', itemIndex, { locator: true }),
			limit: readLimit(parameters, itemIndex),
			options: responseOptionsOf(parameters, itemIndex),
		}),
		execute: async (context, { selectionId, limit, options }, policy) => {
			return await archiveRecords(
				context,
				{
					method: 'GET',
					path: `/Selection/${selectionId}/Members`,
					action: `list the members of selection ${selectionId}`,
					idempotent: true,
					qs: { $select: MEMBER_COLUMNS.join(',') },
					options,
				},
				limit,
				policy,
				(row) => member(selectionId, row),
			);
		},
	});
}
