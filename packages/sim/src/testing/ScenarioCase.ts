import type { ScenarioResources } from '../scenario/createScenario.js';
import type { ScenarioInput } from '../scenario/schema.js';

/**
 * A scenario held in memory: the scenario as it would be written (`input`) and the manifests it uses
 * (`resources`). `createScenario(c.input, c.resources)` turns it into a runnable `Scenario`;
 * {@link scenarioFiles} writes it out as files `gleaner run` accepts.
 */
export interface ScenarioCase {
  /** The scenario file's content (fleet, load, workloads, scheduler parameters). */
  readonly input: ScenarioInput;
  /** SparkApplication templates, PriorityClasses, policies and the colocation configuration. */
  readonly resources: ScenarioResources;
}
