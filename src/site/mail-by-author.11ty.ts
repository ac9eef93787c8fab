// Mailing-list messages by author, each oldest first.
import { mailIndexTemplate } from './_lib/mail-index-template.ts';

export default mailIndexTemplate('by-author');
