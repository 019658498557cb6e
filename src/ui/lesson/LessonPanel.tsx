import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioDto } from '../../protocol/learning';
import { useStore } from '../../store/useStore';
import { markStepDone, openGallery, pasteCommand, runCommand, startPlayground, startScenario } from '../commands/lessons';
import { step as stepTime } from '../commands/playback';
import { pick } from '../i18n';
import { MarkdownLite } from './MarkdownLite';
import { firstSentence } from './markdownLite';

type StepState = 'done' | 'current' | 'todo';

function CommandRow({ line, enabled }: { line: string; enabled: boolean }) {
  const { t } = useTranslation();
  const placeholder = /\{(pod|podOf):/.test(line);
  return (
    <li className="lesson__command">
      <code className="lesson__command-text">{line}</code>
      <button type="button" className="button button--small" onClick={() => pasteCommand(line)} disabled={!enabled} title={t('lesson.pasteTitle')} aria-label={t('lesson.pasteLabel', { command: line })}>
        {t('lesson.paste')}
      </button>
      <button type="button" className="button button--small button--primary" data-testid="lesson-run" onClick={() => runCommand(line)} disabled={!enabled || placeholder} title={placeholder ? t('lesson.placeholderTitle') : t('lesson.runTitle')} aria-label={t('lesson.runLabel', { command: line })}>
        {t('lesson.run')}
      </button>
    </li>
  );
}

function StepItem({ scenario, index, state }: { scenario: ScenarioDto; index: number; state: StepState }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const progress = useStore((s) => s.scenario.progress);
  const resolved = useStore((s) => s.scenario.commands);
  const live = useStore((s) => s.connected && s.past === undefined && s.scrubMs === undefined);
  const [open, setOpen] = useState(state === 'current');
  const [hint, setHint] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const step = scenario.steps[index];
  useEffect(() => {
    setOpen(state === 'current');
    if (state === 'current') ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state]);
  const text = pick(step.text, language);
  const commands = state === 'current' && resolved.length === step.commands.length ? resolved : step.commands;
  const result = state === 'current' ? progress?.currentResult : undefined;
  const mark = state === 'done' ? '✓' : state === 'current' ? '▶' : String(index + 1);
  return (
    <li ref={ref} className={`lesson__step lesson__step--${state}`} data-testid={`step-${step.id}`} data-state={state}>
      <button type="button" className="lesson__step-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="lesson__mark" aria-hidden="true">
          {mark}
        </span>
        <span className="visually-hidden">{t(`lesson.state.${state}`)}</span>
        <span className="lesson__step-title">
          {index + 1}. {firstSentence(text)}
        </span>
      </button>
      {open && (
        <div className="lesson__step-body">
          <MarkdownLite text={text} />
          {commands.length > 0 && (
            <>
              <div className="lesson__label">{t('lesson.try')}</div>
              <ul className="lesson__commands">
                {commands.map((line, i) => (
                  <CommandRow key={i} line={line} enabled={live} />
                ))}
              </ul>
            </>
          )}
          {state === 'current' && (
            <div className="lesson__status" data-testid="step-status" aria-live="polite">
              {step.check ? (
                <span>
                  <span aria-hidden="true">⏳ </span>
                  {result ? pick(result.detail, language) : t('lesson.checking')}
                </span>
              ) : (
                <span>{t('lesson.readOnlyStep')}</span>
              )}
            </div>
          )}
          {state === 'current' && (
            <div className="lesson__actions">
              {step.waitSeconds !== undefined && step.waitSeconds > 0 && (
                <button type="button" className="button button--small" onClick={() => stepTime(step.waitSeconds! * 1000)} disabled={!live} title={t('lesson.skipAheadTitle')}>
                  {t('lesson.skipAhead', { seconds: step.waitSeconds })}
                </button>
              )}
              {step.hint && (
                <button type="button" className="button button--small" aria-expanded={hint} onClick={() => setHint(!hint)}>
                  {t('lesson.hint')}
                </button>
              )}
              <button type="button" className={`button button--small${step.check ? '' : ' button--primary'}`} data-testid="step-next" onClick={() => void markStepDone(step.id)} disabled={!live}>
                {step.check ? t('lesson.skip') : t('lesson.next')}
              </button>
            </div>
          )}
          {hint && step.hint && <p className="lesson__hint">{pick(step.hint, language)}</p>}
        </div>
      )}
    </li>
  );
}

/** The active guided scenario: its steps, the commands to try, and checks that tick on their own. */
export function LessonPanel() {
  const { t } = useTranslation();
  const scenarioId = useStore((s) => s.scenario.scenarioId);
  const progress = useStore((s) => s.scenario.progress);
  const catalog = useStore((s) => s.scenarios);
  const language = useStore((s) => s.language);
  const [collapsed, setCollapsed] = useState(false);
  const scenario = catalog?.find((s) => s.id === scenarioId);
  if (!scenarioId || !scenario || !progress) return null;
  const total = scenario.steps.length;
  const index = catalog!.indexOf(scenario);
  const next = catalog![index + 1];
  const stateOf = (i: number): StepState => (progress.done[scenario.steps[i].id] ? 'done' : i === progress.current ? 'current' : i < progress.current ? 'done' : 'todo');
  return (
    <section className={`lesson${collapsed ? ' lesson--collapsed' : ''}`} aria-labelledby="lesson-title" data-testid="lesson">
      <div className="lesson__head">
        <button type="button" className="button button--icon lesson__toggle" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} aria-label={collapsed ? t('lesson.expand') : t('lesson.collapse')} title={collapsed ? t('lesson.expand') : t('lesson.collapse')}>
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 id="lesson-title" className="lesson__title">
          {pick(scenario.title, language)}
        </h2>
        <span className="lesson__progress" data-testid="lesson-progress">
          {progress.complete ? t('lesson.complete') : t('lesson.stepOf', { current: progress.current + 1, total })}
        </span>
        <button type="button" className="button button--small" onClick={() => openGallery()}>
          {t('lesson.all')}
        </button>
        <button type="button" className="button button--small" onClick={startPlayground} title={t('lesson.leaveTitle')}>
          {t('lesson.leave')}
        </button>
      </div>
      {!collapsed && (
        <div className="lesson__body">
          {progress.current === 0 && Object.keys(progress.done).length === 0 && <p className="lesson__summary">{pick(scenario.summary, language)}</p>}
          <ol className="lesson__steps">
            {scenario.steps.map((s, i) => (
              <StepItem key={s.id} scenario={scenario} index={i} state={stateOf(i)} />
            ))}
          </ol>
          {progress.complete && (
            <div className="lesson__done" role="status" data-testid="lesson-complete">
              <strong>{t('lesson.completeTitle')}</strong> {t('lesson.completeText')}
              {next && (
                <button type="button" className="button button--small button--primary" onClick={() => void startScenario(next.id)}>
                  {t('lesson.nextLesson', { title: pick(next.title, language) })}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
