import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { route } from '../../shared/router';
import * as contactList from './contactList';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, 'AutoSend', {
		contactList: { removeContacts: contactList.removeContacts },
	});
}
