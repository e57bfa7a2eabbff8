import { identityPositions, orderByNumber } from '../orderByNumber';
import { orderByText } from '../orderByText';

/**
 * Orders of the customers that several methods rank by, each computed on first use and kept for the run:
 * methods share one sort instead of each sorting again (ABC and the RFM monetary score share the sort by
 * revenue). Positions are customer indexes; ties keep ascending id order.
 *
 * @example
 * const rankings = new Rankings(['b', 'a'], false, new Float64Array([5, 9]));
 * rankings.byId; // Int32Array [1, 0]
 * rankings.revenueAscending; // Int32Array [0, 1]
 */
export class Rankings {
  private byIdOrder: Int32Array | null = null;
  private revenueAscendingOrder: Int32Array | null = null;

  /**
   * @param ids Customer ids in result order.
   * @param idsSorted The ids are already in ascending order (no customers table leads them).
   * @param revenue Each customer's revenue.
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly idsSorted: boolean,
    private readonly revenue: Float64Array,
  ) {}

  /** Every customer in ascending id order (the tie-break of every ranking). */
  get byId(): Int32Array {
    this.byIdOrder ??= this.idsSorted ? identityPositions(this.ids.length) : orderByText(this.ids);
    return this.byIdOrder;
  }

  /** Every customer by revenue, smallest first, ties by id. */
  get revenueAscending(): Int32Array {
    this.revenueAscendingOrder ??= orderByNumber(this.revenue, this.byId);
    return this.revenueAscendingOrder;
  }
}
