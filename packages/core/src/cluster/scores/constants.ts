/** kube-scheduler's `MaxNodeScore`: every plugin scores a node from 0 to 100 before its weight applies. */
export const MAX_NODE_SCORE = 100;
