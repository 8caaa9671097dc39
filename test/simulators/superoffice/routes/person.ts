/** Person: the REST read of one person, which the trigger makes when asked for the full record. */
import type { SimResponse } from '../../common/response';
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import { notFound } from '../helpers';
import type { SuperOfficeState } from '../state';

export function personRoutes({ state }: SuperOfficeContext): Route[] {
	return [{ method: 'GET', pattern: /^\/v1\/Person\/(\d+)$/i, run: (_req, [id]) => getPerson(state, id) }];
}

function getPerson(state: SuperOfficeState, rawId: string): SimResponse {
	const person = state.persons.get(Number(rawId));
	if (!person) return notFound('Person', Number(rawId));
	const [firstname, ...rest] = person.fullName.split(' ');
	const contact = state.contacts.get(person.contactId);
	return {
		status: 200,
		body: {
			PersonId: person.personId,
			Firstname: firstname,
			Lastname: rest.join(' '),
			FullName: person.fullName,
			Contact: { ContactId: person.contactId, Name: contact?.name ?? '' },
			Emails: [{ Value: person.email, StrippedValue: person.email, Description: '' }],
		},
	};
}
