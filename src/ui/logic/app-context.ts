/** The app actor, shared with every component: `ParleyContext.useSelector(...)`, `useActorRef().send(...)`. */
import { createActorContext } from '@xstate/react';
import { appMachine } from './app-machine.ts';

export const ParleyContext = createActorContext(appMachine);
