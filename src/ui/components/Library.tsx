import { ParleyContext } from '../logic/app-context.ts';
import { isTemplate } from '../logic/catalog.ts';
import { EDIT_HASH } from '../logic/share-url.ts';
import { NoticeBar } from './NoticeBar.tsx';
import { ScenarioCard } from './ScenarioCard.tsx';
import { BrokenScenarioCard } from './BrokenScenarioCard.tsx';

/** The first page: one card per bundled scenario (the writers' template lives in the editor). */
export function Library() {
  const catalog = ParleyContext.useSelector((s) => s.context.catalog);
  const notice = ParleyContext.useSelector((s) => s.context.notice);
  const { send } = ParleyContext.useActorRef();
  return (
    <main className="library" id="main">
      <section className="intro">
        <h1>Scenario library</h1>
        <p>
          Each scenario is a truce agreement written from news reports: its phases, dated obligations and the parties who must carry them
          out. Open one to live through it day by day, play one side, rewind and try another path.
        </p>
        <p>
          <a href={EDIT_HASH}>New scenario / edit a draft</a>: write your own in the browser, from the template or any scenario below.
        </p>
      </section>
      {notice && <NoticeBar notice={notice} onDismiss={() => send({ type: 'notice.dismiss' })} />}
      <ul className="cards">
        {catalog.filter((entry) => !isTemplate(entry)).map((entry) => (
          <li key={entry.file}>{entry.ok ? <ScenarioCard scenario={entry.scenario} file={entry.file} /> : <BrokenScenarioCard file={entry.file} problems={entry.problems} />}</li>
        ))}
      </ul>
    </main>
  );
}
