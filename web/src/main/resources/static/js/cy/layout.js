// The force-directed layout (fcose). The genogram's layout is genogram.js, a pure module.

export function fcose(animate = true) {
  return { name: 'fcose', quality: 'default', randomize: true, animate, animationDuration: 400,
    nodeRepulsion: 6500, idealEdgeLength: 90, nodeSeparation: 90, fit: true, padding: 30 };
}
