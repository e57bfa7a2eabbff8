import { abcMethod } from './abcMethod';
import { callsMethod } from './callsMethod';
import { churnMethod } from './churnMethod';
import { lifetimeValueMethod } from './lifetimeValueMethod';
import { measuresMethod } from './measuresMethod';
import { movementMethod } from './movementMethod';
import type { ColumnKeyOf, OutputOf, SettingsOf } from './Method';
import { pyramidMethod } from './pyramidMethod';
import { repeatRateMethod } from './repeatRateMethod';
import { rfmMethod } from './rfmMethod';
import { svcdMethod } from './svcdMethod';
import { valueModelMethod } from './valueModelMethod';
import { visitsMethod } from './visitsMethod';

/**
 * Every method, in run order (a method after those it `needs`). `analyze`, the customer columns, the JSON
 * report, the settings and the settings pane's column list all read this list: adding a method is its
 * module, its tests and one line here.
 */
export const methods = [
  measuresMethod,
  svcdMethod,
  abcMethod,
  pyramidMethod,
  visitsMethod,
  rfmMethod,
  lifetimeValueMethod,
  valueModelMethod,
  churnMethod,
  repeatRateMethod,
  movementMethod,
  callsMethod,
] as const;

/** A method of the registry. */
/**
 * The methods an earlier date's categories come from (`MethodInput.categoriesAt`): the tiers, pyramid values,
 * SVCD segments and ABC classes that a comparison reads, in registry order.
 */
export const categoryMethods = [measuresMethod, svcdMethod, abcMethod, pyramidMethod] as const;

export type RegisteredMethod = (typeof methods)[number];

/** The outputs of a run, by method id. */
export type MethodOutputs = { [M in RegisteredMethod as M['id']]: OutputOf<M> };

/** The key of a customer column any method can write. */
export type MethodColumnKey = ColumnKeyOf<RegisteredMethod>;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The settings of every method, flat (each method's keys). */
export type AllMethodSettings = Intersection<SettingsOf<RegisteredMethod>>;
