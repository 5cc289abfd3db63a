-- What the layout stage knows of the page: `content_width`, the width in points that blocks may take.
-- The host (host.lua) sets it from the engine's input before layout runs, for modules that size
-- blocks to the page (cl.canvas). Reports read nothing here.
return {}
