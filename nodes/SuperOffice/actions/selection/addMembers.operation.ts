// Selection › Add Members: items for the same selection, from this run and from concurrent runs, share
// AddContactSelectionMembers calls. Only static selections take members; a refusal says so when that is why.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { apiError, failureOf } from '../../../shared/errors';
import type { RequestPolicy } from '../../../shared/http';
import { superOfficeRequest } from '../../transport';
import { changeMembers, memberProperties } from './members';

const properties = memberProperties('add');

export const description = updateDisplayOptions(
	{ show: { resource: ['selection'], operation: ['addMembers'] } },
	properties,
);

const REFUSED =
	'Only a static selection takes members: a dynamic or combined selection gets its members from its criteria. Check that the selection exists and is static, and that each person belongs to the company given with it.';

/**
 * SuperOffice refuses members for a selection that is not static, in words that may not say so; when the
 * selection turns out to be dynamic or combined, the error says that and how to fix it.
 */
async function explainRefusal(
	context: IExecuteFunctions,
	selectionId: number,
	error: Error,
	policy: RequestPolicy,
): Promise<Error> {
	const failure = failureOf(error);
	if (!failure || failure.outcome === 'unknown') return error;
	// A request of its own: the refused one's admission by the limiter does not cover it.
	const selection = (await superOfficeRequest
		.call(
			context,
			{
				method: 'GET',
				path: `/Selection/${selectionId}`,
				action: `look up selection ${selectionId}`,
				idempotent: true,
			},
			{ ...policy, admittedAt: undefined },
		)
		.catch(() => null)) as IDataObject | null;
	const type = typeof selection?.SelectionType === 'string' ? selection.SelectionType : undefined;
	if (!type || type.toLowerCase() === 'static') return error;
	return apiError(context.getNode(), {
		...failure,
		hint: `Selection ${selectionId} ("${String(selection?.Name ?? '')}") is a ${type.toLowerCase()} selection: its members come from its criteria, and SuperOffice adds members only to static selections. Choose a static selection, or change the criteria in SuperOffice.`,
	});
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await changeMembers(this, properties, {
		agent: 'AddContactSelectionMembers',
		verb: 'add members to',
		hints: { 200: REFUSED, 400: REFUSED },
		explain: explainRefusal,
	});
}
