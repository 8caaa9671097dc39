import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../shared/router';
import * as relation from './relation';
import * as selection from './selection';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, 'SuperOffice', {
		selection: { removeMembers: selection.removeMembers },
		relation: { delete: relation.delete },
	});
}
