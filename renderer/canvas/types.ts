// The React Flow shapes of the map: a typed node union and edge data. Node data carries
// the domain object itself (immer keeps its identity while it is unchanged), never callbacks.
import type { Edge, Node } from '@xyflow/react';
import type { ArgNode, Id, RelationKind } from '../../arguments/model';

export type ArgumentNodeData = {
  node: ArgNode;
  collapsed: boolean;
};
export type ArgumentFlowNode = Node<ArgumentNodeData, 'argument'>;
export type FlowNode = ArgumentFlowNode;

export type RelationEdgeData = {
  relationId: Id;
  kind: RelationKind;
  /** All premises of the inference; this edge draws premises[index]. */
  premises: readonly Id[];
  index: number;
  voice?: string;
};
export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

export type UndercutEdgeData = {
  relationId: Id;
  /** The relation (inference) this undercut attacks. */
  attacks: Id;
  /** The inference at the root of the chain: its premises and target. */
  attackedPremises: readonly Id[];
  attackedTarget: Id;
  /**
   * For an undercut of an undercut (of an undercut…): the attackers of the undercuts between that
   * inference and this one, innermost first; each line's middle is where the next one ends.
   */
  through: readonly Id[];
  voice?: string;
};
export type UndercutFlowEdge = Edge<UndercutEdgeData, 'undercut'>;
export type FlowEdge = RelationFlowEdge | UndercutFlowEdge;
