// Imports every type module so its definitions register on the builder, then builds the schema.
import { builder } from '../builder';
import './common';
import './auth';
import './document';
import './selection';
import './application';
import './plan';
import './screening';
import './scoring';
import './appointment';
import './selection-process';
import './calendar';
import './talent';
import './talent-filling';
import './profile';
import './application-files';
import './application-scores';
import './subscriptions';
import './agency';
import './accounts';
import './oidc';
import './notices';
import './profile-disputes';
import './imports';
import './audit-chain';
import './security';

export const schema = builder.toSchema({ sortSchema: true });
