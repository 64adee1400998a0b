#!/usr/bin/python3
"""Checks the essentials of the rendered Kubernetes manifests of StorageCompressAI.

    deploy/test_manifests.py [TARGET ...]    TARGET: a kustomization folder (rendered with
                                             `kubectl kustomize`) or a rendered YAML file;
                                             default: deploy/k8s/base
    deploy/test_manifests.py --self-test     breaks rendered manifests in memory, one way at a
                                             time, and demands that the checks notice each time

Prints one line per check and, last, "N passed, M failed"; exits 1 when anything failed.
Python 3 standard library and PyYAML (Debian: python3-yaml) only.
"""

import base64
import copy
import os
import re
import subprocess
import sys

import yaml

GATEWAY = "api-gateway"
ENGINE = "compressor-engine"
PORTS = {GATEWAY: 3000, ENGINE: 8000}
PORT_VARIABLES = {GATEWAY: "PORT", ENGINE: "ENGINE_PORT"}
ENGINE_URL = "http://compressor-engine:8000"
SECRET_VARIABLES = ("API_KEY", "API_KEYS", "SUPABASE_KEY", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")
PLACEHOLDER = re.compile(r"^(|REPLACE_ME.*|CHANGE_ME.*|<[^>]*>)$")
EXPOSING_ROUTE_KINDS = ("HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute")


class Results:
    def __init__(self, out=sys.stdout):
        self.passed = 0
        self.failed = 0
        self.failures = []
        self.out = out

    def check(self, name, ok, why=""):
        if ok:
            self.passed += 1
            print(f"ok   {name}", file=self.out)
        else:
            self.failed += 1
            self.failures.append(name)
            print(f"FAIL {name}: {why}", file=self.out)
        return ok


# --- loading -----------------------------------------------------------------------------------

def render(target):
    if os.path.isfile(target):
        with open(target, encoding="utf-8") as f:
            text = f.read()
    else:
        kubectl = os.environ.get("KUBECTL", "kubectl")
        text = subprocess.run([kubectl, "kustomize", target], check=True, capture_output=True, text=True).stdout
    return [doc for doc in yaml.safe_load_all(text) if doc]


def of_kind(docs, kind):
    return [d for d in docs if d.get("kind") == kind]


def named(docs, kind, name):
    return next((d for d in of_kind(docs, kind) if d["metadata"]["name"] == name), None)


def generated(docs, kind, base_name):
    """A resource by its base name, with or without kustomize's content-hash suffix."""
    return next((d for d in of_kind(docs, kind)
                 if re.fullmatch(re.escape(base_name) + r"(-[a-z0-9]{10})?", d["metadata"]["name"])), None)


def pod_labels(deployment):
    return deployment["spec"]["template"]["metadata"].get("labels", {})


def pod_spec(deployment):
    return deployment["spec"]["template"]["spec"]


def containers(deployment):
    spec = pod_spec(deployment)
    return spec.get("initContainers", []) + spec.get("containers", [])


def selects(selector, labels):
    """matchLabels and matchExpressions of a LabelSelector; an empty selector selects everything."""
    selector = selector or {}
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        key, operator, values = expression["key"], expression["operator"], expression.get("values", [])
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def service_selects(service, labels):
    selector = service.get("spec", {}).get("selector") or {}
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def container_port(container, port):
    """A probe's or Service's port (a number or a port name) as a number, None if unknown."""
    if isinstance(port, int):
        return port
    for p in container.get("ports", []):
        if p.get("name") == port:
            return p["containerPort"]
    return int(port) if isinstance(port, str) and port.isdigit() else None


def literal_env(container, name):
    return next((e.get("value") for e in container.get("env", []) if e["name"] == name and "value" in e), None)


def config_value(docs, container, name):
    """A variable's value as the container will see it: literal env first, then envFrom ConfigMaps."""
    for e in container.get("env", []):
        if e["name"] == name:
            if "value" in e:
                return e["value"]
            ref = e.get("valueFrom", {}).get("configMapKeyRef")
            if ref:
                cm = named(docs, "ConfigMap", ref["name"])
                return (cm or {}).get("data", {}).get(ref["key"])
            return None
    for source in container.get("envFrom", []):
        ref = source.get("configMapRef")
        if ref:
            cm = named(docs, "ConfigMap", ref["name"]) or {}
            if name in cm.get("data", {}):
                return cm["data"][name]
    return None


# --- the checks ----------------------------------------------------------------------------------

def check_all(docs, r, where=""):
    deployments = {d["metadata"]["name"]: d for d in of_kind(docs, "Deployment")}
    for app in (GATEWAY, ENGINE):
        r.check(f"{where}Deployment {app} exists", app in deployments, f"found {sorted(deployments)}")
    for name, deployment in sorted(deployments.items()):
        check_deployment(docs, deployment, r, where)
    if ENGINE in deployments:
        check_engine_not_exposed(docs, deployments[ENGINE], r, where)
        check_engine_network_policy(docs, deployments, r, where)
    if GATEWAY in deployments:
        check_gateway_config(docs, deployments[GATEWAY], r, where)
    check_secrets(docs, r, where)
    check_autoscaling(docs, deployments, r, where)


def check_deployment(docs, deployment, r, where):
    name = deployment["metadata"]["name"]
    labels = pod_labels(deployment)
    spec = pod_spec(deployment)
    at = f"{where}Deployment {name}"

    r.check(f"{at}: selector matches its pods", selects(deployment["spec"].get("selector"), labels)
            and bool(deployment["spec"].get("selector", {}).get("matchLabels")), "selector does not match the template")
    r.check(f"{at}: app.kubernetes.io labels",
            labels.get("app.kubernetes.io/name") == name and "app.kubernetes.io/part-of" in labels
            and "app.kubernetes.io/component" in labels, f"pod labels {labels}")

    pod_security = spec.get("securityContext", {})
    writable = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
    for c in containers(deployment):
        cat = f"{at} container {c['name']}"
        port = PORTS.get(name)
        declared = [p["containerPort"] for p in c.get("ports", [])]
        if port is not None:
            r.check(f"{cat}: listens on {port}", port in declared, f"containerPorts {declared}")
            variable = PORT_VARIABLES[name]
            value = literal_env(c, variable)
            r.check(f"{cat}: {variable} agrees with the port", value is None or value == str(port),
                    f"{variable}={value!r}")
        for probe, path in (("livenessProbe", "/health"), ("readinessProbe", "/health/ready")):
            get = (c.get(probe) or {}).get("httpGet") or {}
            probe_port = container_port(c, get.get("port"))
            r.check(f"{cat}: {probe} is GET {path} on {port}",
                    get.get("path") == path and probe_port is not None and probe_port == (port or probe_port)
                    and probe_port in declared,
                    f"httpGet {get or None}")
        resources = c.get("resources") or {}
        missing = [f"{kind}.{res}" for kind in ("requests", "limits") for res in ("cpu", "memory")
                   if not (resources.get(kind) or {}).get(res)]
        r.check(f"{cat}: cpu and memory requests and limits", not missing, f"missing {missing}")
        if name in PORTS:
            tool_options = literal_env(c, "JAVA_TOOL_OPTIONS") or ""
            r.check(f"{cat}: JVM heap follows the memory limit", "-XX:MaxRAMPercentage=" in tool_options,
                    f"JAVA_TOOL_OPTIONS={tool_options!r}")
            maximum = re.search(r"-XX:MaxRAMPercentage=(\S+)", tool_options)
            initial = re.search(r"-XX:InitialRAMPercentage=(\S+)", tool_options)
            # A heap that shrinks is faulted in again for the next large image (bench/load/RESULTS.md).
            r.check(f"{cat}: JVM heap starts at its maximum",
                    maximum is not None and initial is not None and initial.group(1) == maximum.group(1),
                    f"JAVA_TOOL_OPTIONS={tool_options!r}")
            # Under 1792 MB the JVM would choose the serial collector, which copies every upload's pixel arrays.
            r.check(f"{cat}: G1 collects the heap", "-XX:+UseG1GC" in tool_options,
                    f"JAVA_TOOL_OPTIONS={tool_options!r}")

        security = c.get("securityContext") or {}
        run_as_non_root = security.get("runAsNonRoot", pod_security.get("runAsNonRoot"))
        run_as_user = security.get("runAsUser", pod_security.get("runAsUser"))
        r.check(f"{cat}: runs as non-root", run_as_non_root is True and run_as_user != 0,
                f"runAsNonRoot={run_as_non_root} runAsUser={run_as_user}")
        r.check(f"{cat}: no privilege escalation",
                security.get("allowPrivilegeEscalation") is False and security.get("privileged") is not True,
                f"allowPrivilegeEscalation={security.get('allowPrivilegeEscalation')} "
                f"privileged={security.get('privileged')}")
        dropped = (security.get("capabilities") or {}).get("drop") or []
        added = (security.get("capabilities") or {}).get("add") or []
        r.check(f"{cat}: drops ALL capabilities", "ALL" in dropped and not added, f"drop={dropped} add={added}")
        r.check(f"{cat}: read-only root filesystem", security.get("readOnlyRootFilesystem") is True,
                f"readOnlyRootFilesystem={security.get('readOnlyRootFilesystem')}")
        tmp = [m for m in c.get("volumeMounts", []) if m.get("mountPath") == "/tmp"]
        r.check(f"{cat}: writable /tmp from an emptyDir", bool(tmp) and tmp[0]["name"] in writable,
                f"/tmp mounts {tmp}")

    annotations = deployment["spec"]["template"]["metadata"].get("annotations", {})
    if name in PORTS:
        r.check(f"{at}: Prometheus scrape annotations",
                annotations.get("prometheus.io/scrape") == "true"
                and annotations.get("prometheus.io/port") == str(PORTS[name])
                and annotations.get("prometheus.io/path", "/metrics") == "/metrics",
                f"annotations {annotations}")
    r.check(f"{at}: no host network or host ports",
            not spec.get("hostNetwork") and not any(p.get("hostPort") for c in containers(deployment)
                                                    for p in c.get("ports", [])),
            "hostNetwork or hostPort set")
    budgets = [p for p in of_kind(docs, "PodDisruptionBudget") if selects(p["spec"].get("selector"), labels)]
    r.check(f"{at}: has a PodDisruptionBudget", bool(budgets), "no PodDisruptionBudget selects its pods")


def check_engine_not_exposed(docs, engine, r, where):
    labels = pod_labels(engine)
    service = named(docs, "Service", ENGINE)
    r.check(f"{where}Service {ENGINE} exists and selects the engine pods",
            service is not None and service_selects(service, labels), "missing or selects other pods")
    if service is not None:
        spec = service["spec"]
        r.check(f"{where}Service {ENGINE} is ClusterIP only",
                spec.get("type", "ClusterIP") == "ClusterIP" and not spec.get("externalIPs")
                and not any(p.get("nodePort") for p in spec.get("ports", [])),
                f"type={spec.get('type')} externalIPs={spec.get('externalIPs')}")
        ports = [p.get("port") for p in spec.get("ports", [])]
        r.check(f"{where}Service {ENGINE} serves port 8000", 8000 in ports, f"ports {ports}")

    engine_services = {s["metadata"]["name"] for s in of_kind(docs, "Service") if service_selects(s, labels)}
    exposing = [s["metadata"]["name"] for s in of_kind(docs, "Service")
                if s["metadata"]["name"] in engine_services
                and (s["spec"].get("type") in ("LoadBalancer", "NodePort") or s["spec"].get("externalIPs"))]
    r.check(f"{where}no LoadBalancer/NodePort Service exposes the engine", not exposing, f"exposed by {exposing}")

    routed = []
    for ingress in of_kind(docs, "Ingress"):
        spec = ingress.get("spec", {})
        backends = [spec.get("defaultBackend")] + [path.get("backend") for rule in spec.get("rules", [])
                                                   for path in (rule.get("http") or {}).get("paths", [])]
        if any((b or {}).get("service", {}).get("name") in engine_services for b in backends):
            routed.append(f"Ingress/{ingress['metadata']['name']}")
    for route in (d for d in docs if d.get("kind") in EXPOSING_ROUTE_KINDS):
        refs = [ref for rule in route.get("spec", {}).get("rules", []) for ref in rule.get("backendRefs", [])]
        if any(ref.get("name") in engine_services for ref in refs):
            routed.append(f"{route['kind']}/{route['metadata']['name']}")
    r.check(f"{where}no Ingress or Route reaches the engine", not routed, f"routed by {routed}")


def check_engine_network_policy(docs, deployments, r, where):
    engine = deployments[ENGINE]
    engine_labels = pod_labels(engine)
    gateway_labels = pod_labels(deployments[GATEWAY]) if GATEWAY in deployments else None
    others = [pod_labels(d) for n, d in deployments.items() if n != GATEWAY]
    engine_container = pod_spec(engine)["containers"][0]

    policies = [p for p in of_kind(docs, "NetworkPolicy")
                if selects(p["spec"].get("podSelector"), engine_labels)
                and "Ingress" in p["spec"].get("policyTypes", ["Ingress"])]
    r.check(f"{where}a NetworkPolicy isolates the engine pods for ingress", bool(policies),
            "no NetworkPolicy with policyTypes Ingress selects the engine pods")
    r.check(f"{where}a default-deny ingress NetworkPolicy covers the engine",
            any(not p["spec"].get("ingress") for p in policies), "none without ingress rules")

    admits_gateway = False
    problems = []
    for policy in policies:
        for rule in policy["spec"].get("ingress") or []:
            peers = rule.get("from")
            if not peers:
                problems.append(f"{policy['metadata']['name']}: a rule admits every source")
                continue
            for peer in peers:
                selector = peer.get("podSelector")
                if "ipBlock" in peer or "namespaceSelector" in peer or selector is None:
                    problems.append(f"{policy['metadata']['name']}: admits {sorted(peer)}")
                elif gateway_labels is None or not selects(selector, gateway_labels):
                    problems.append(f"{policy['metadata']['name']}: selects pods other than the gateway")
                elif not (selector.get("matchLabels") or selector.get("matchExpressions")) \
                        or any(selects(selector, labels) for labels in others):
                    problems.append(f"{policy['metadata']['name']}: selector also matches non-gateway pods")
            ports = rule.get("ports")
            resolved = [container_port(engine_container, p.get("port")) for p in ports or []]
            if not ports or any(p != 8000 for p in resolved) \
                    or any(p.get("protocol", "TCP") != "TCP" or p.get("endPort") for p in ports):
                problems.append(f"{policy['metadata']['name']}: ports {ports} (want TCP 8000 only)")
            elif all(p.get("podSelector") and gateway_labels and selects(p["podSelector"], gateway_labels)
                     and "namespaceSelector" not in p for p in peers):
                admits_gateway = True
    r.check(f"{where}the engine admits only gateway pods, only on TCP 8000", not problems, "; ".join(problems))
    r.check(f"{where}the engine admits the gateway pods on TCP 8000", admits_gateway,
            "no ingress rule lets the gateway in on 8000")


def check_gateway_config(docs, gateway, r, where):
    c = pod_spec(gateway)["containers"][0]
    url = config_value(docs, c, "ENGINE_URL")
    r.check(f"{where}gateway ENGINE_URL is {ENGINE_URL}", url == ENGINE_URL, f"ENGINE_URL={url!r}")
    backend = config_value(docs, c, "STORAGE_BACKEND")
    r.check(f"{where}gateway storage is shared (s3 or supabase)", backend in ("s3", "supabase"),
            f"STORAGE_BACKEND={backend!r}: local storage does not work across replicas")
    r.check(f"{where}gateway has REDIS_URL for shared rate limits", bool(config_value(docs, c, "REDIS_URL")),
            "REDIS_URL unset")
    keys = [e for e in c.get("env", []) if e["name"] in ("API_KEY", "API_KEYS")]
    from_secret = any(e.get("valueFrom", {}).get("secretKeyRef") for e in keys) \
        or any("secretRef" in s for s in c.get("envFrom", []))
    r.check(f"{where}gateway gets its API keys from a Secret", from_secret, "no secretKeyRef/envFrom secret")
    secrets = {d["metadata"]["name"] for d in of_kind(docs, "Secret")}
    if secrets:  # the base leaves the Secret to an overlay; where one is made, the references must find it
        refs = {e["valueFrom"]["secretKeyRef"]["name"] for e in c.get("env", [])
                if e.get("valueFrom", {}).get("secretKeyRef")}
        refs |= {s["secretRef"]["name"] for s in c.get("envFrom", []) if "secretRef" in s}
        r.check(f"{where}gateway's secret references name the rendered Secret", refs <= secrets,
                f"references {sorted(refs - secrets)}, rendered {sorted(secrets)}")


def check_secrets(docs, r, where):
    for secret in of_kind(docs, "Secret"):
        name = secret["metadata"]["name"]
        values = {k: base64.b64decode(v).decode("utf-8", "replace") for k, v in (secret.get("data") or {}).items()}
        values.update(secret.get("stringData") or {})
        real = sorted(k for k, v in values.items() if not PLACEHOLDER.match(str(v).strip()))
        r.check(f"{where}Secret {name} holds placeholders only", not real, f"real-looking values for {real}")

    literal = []
    for d in (d for d in docs if d.get("kind") in ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob")):
        template = d["spec"].get("jobTemplate", {}).get("spec", d["spec"])["template"]
        spec = template["spec"]
        for c in spec.get("initContainers", []) + spec.get("containers", []):
            for e in c.get("env", []):
                if e["name"] in SECRET_VARIABLES and not e.get("valueFrom", {}).get("secretKeyRef"):
                    literal.append(f"{d['metadata']['name']}/{c['name']}: {e['name']}")
    r.check(f"{where}secret variables come only from secretKeyRef", not literal, f"not from a Secret: {literal}")
    in_config = [f"{cm['metadata']['name']}: {k}" for cm in of_kind(docs, "ConfigMap")
                 for k in (cm.get("data") or {}) if k in SECRET_VARIABLES]
    r.check(f"{where}no ConfigMap carries a secret variable", not in_config, f"found {in_config}")


def check_autoscaling(docs, deployments, r, where):
    for app in (GATEWAY, ENGINE):
        hpas = [h for h in of_kind(docs, "HorizontalPodAutoscaler")
                if h["spec"]["scaleTargetRef"].get("kind") == "Deployment"
                and h["spec"]["scaleTargetRef"].get("name") == app]
        ok = bool(hpas) and app in deployments
        why = "no HorizontalPodAutoscaler targets it"
        for h in hpas:
            cpu = [m for m in h["spec"].get("metrics", []) if m.get("type") == "Resource"
                   and m["resource"].get("name") == "cpu"]
            if h.get("apiVersion") != "autoscaling/v2" or not cpu:
                ok, why = False, f"{h['metadata']['name']}: apiVersion {h.get('apiVersion')}, cpu metric {bool(cpu)}"
            elif not (2 <= h["spec"].get("minReplicas", 1) <= h["spec"]["maxReplicas"]):
                replicas = f"{h['spec'].get('minReplicas', 1)}..{h['spec']['maxReplicas']}"
                ok, why = False, f"{h['metadata']['name']}: replicas {replicas}, want at least 2"
        r.check(f"{where}HorizontalPodAutoscaler (autoscaling/v2, cpu, min >= 2) targets {app}", ok, why)


# --- self-test: every essential assertion can fail -----------------------------------------------

def deployment(docs, name):
    return named(docs, "Deployment", name)


def engine_container(docs):
    return pod_spec(deployment(docs, ENGINE))["containers"][0]


def gateway_container(docs):
    return pod_spec(deployment(docs, GATEWAY))["containers"][0]


def allow_policy(docs):
    return next(p for p in of_kind(docs, "NetworkPolicy") if p["spec"].get("ingress"))


def put_secret(docs):
    docs.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "leak"},
                 "data": {"API_KEYS": base64.b64encode(b"sk-live-0123456789").decode()}})


def put_ingress_to_engine(docs):
    docs.append({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "oops"},
                 "spec": {"rules": [{"http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {
                     "service": {"name": ENGINE, "port": {"number": 8000}}}}]}}]}})


def put_lb_service(docs):
    service = copy.deepcopy(named(docs, "Service", ENGINE))
    service["metadata"]["name"] = "engine-public"
    service["spec"]["type"] = "LoadBalancer"
    docs.append(service)


# what breaks -> (the check that must catch it, how to break it)
MUTATIONS = {
    "liveness on the wrong path": ("livenessProbe", lambda d: engine_container(d)["livenessProbe"]["httpGet"]
                                   .update(path="/")),
    "readiness on liveness": ("readinessProbe", lambda d: gateway_container(d)["readinessProbe"]["httpGet"]
                              .update(path="/health")),
    "readiness on the wrong port": ("readinessProbe", lambda d: engine_container(d)["readinessProbe"]["httpGet"]
                                    .update(port=3000)),
    "no readiness probe": ("readinessProbe", lambda d: gateway_container(d).pop("readinessProbe")),
    "engine on another port": ("listens on 8000", lambda d: engine_container(d)["ports"][0].update(containerPort=8080)),
    "no memory limit": ("requests and limits", lambda d: engine_container(d)["resources"]["limits"].pop("memory")),
    "no requests": ("requests and limits", lambda d: gateway_container(d)["resources"].pop("requests")),
    "heap not sized": ("JVM heap", lambda d: [e.update(value="-Xss1m") for e in engine_container(d)["env"]
                                              if e["name"] == "JAVA_TOOL_OPTIONS"]),
    "serial collector": ("G1", lambda d: [e.update(value="-XX:MaxRAMPercentage=75") for e in gateway_container(d)["env"]
                                          if e["name"] == "JAVA_TOOL_OPTIONS"]),
    "heap that shrinks": ("starts at its maximum", lambda d: [e.update(value="-XX:MaxRAMPercentage=75 -XX:+UseG1GC")
                                                             for e in engine_container(d)["env"]
                                                             if e["name"] == "JAVA_TOOL_OPTIONS"]),
    "runs as root": ("non-root", lambda d: engine_container(d)["securityContext"].update(runAsNonRoot=False,
                                                                                         runAsUser=0)),
    "privilege escalation": ("privilege escalation", lambda d: gateway_container(d)["securityContext"]
                             .update(allowPrivilegeEscalation=True)),
    "capabilities kept": ("capabilities", lambda d: engine_container(d)["securityContext"].pop("capabilities")),
    "writable root": ("read-only root", lambda d: gateway_container(d)["securityContext"]
                      .update(readOnlyRootFilesystem=False)),
    "no /tmp": ("/tmp", lambda d: engine_container(d).pop("volumeMounts")),
    "no scrape annotations": ("Prometheus", lambda d: deployment(d, ENGINE)["spec"]["template"]["metadata"]
                              .pop("annotations")),
    "engine Service as NodePort": ("ClusterIP only", lambda d: named(d, "Service", ENGINE)["spec"]
                                   .update(type="NodePort")),
    "engine behind a LoadBalancer": ("LoadBalancer/NodePort", put_lb_service),
    "engine behind an Ingress": ("Ingress or Route", put_ingress_to_engine),
    "no NetworkPolicy": ("isolates the engine", lambda d: [d.remove(p) for p in of_kind(d, "NetworkPolicy")]),
    "no default deny": ("default-deny", lambda d: [d.remove(p) for p in of_kind(d, "NetworkPolicy")
                                                   if not p["spec"].get("ingress")]),
    "policy admits every pod": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0]["from"][0]
                                .update(podSelector={})),
    "policy admits the engine's pods": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0]["from"]
                                        .append({"podSelector": {"matchLabels": pod_labels(deployment(d, ENGINE))}})),
    "policy admits a namespace": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0]["from"]
                                  .append({"namespaceSelector": {}})),
    "policy admits an IP block": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0]["from"]
                                  .append({"ipBlock": {"cidr": "0.0.0.0/0"}})),
    "policy on another port": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0]["ports"][0]
                               .update(port=9000)),
    "policy without ports": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0].pop("ports")),
    "policy rule from anywhere": ("admits only gateway", lambda d: allow_policy(d)["spec"]["ingress"][0].pop("from")),
    "gateway shut out": ("admits the gateway pods", lambda d: allow_policy(d)["spec"]["ingress"][0]["from"][0]
                         ["podSelector"]["matchLabels"].update({"app.kubernetes.io/name": "nobody"})),
    "plain-text secret": ("placeholders only", put_secret),
    "literal API_KEYS": ("secretKeyRef", lambda d: gateway_container(d)["env"].append({"name": "API_KEYS",
                                                                                     "value": "k1"})),
    "literal S3 secret": ("secretKeyRef", lambda d: [e.update(value="x") or e.pop("valueFrom")
                                                     for e in gateway_container(d)["env"]
                                                     if e["name"] == "S3_SECRET_ACCESS_KEY"]),
    "API key in a ConfigMap": ("ConfigMap carries", lambda d: of_kind(d, "ConfigMap")[0]["data"]
                               .update(SUPABASE_KEY="eyJhbGciOi")),
    "no engine HPA": ("targets compressor-engine", lambda d: d.remove(named(d, "HorizontalPodAutoscaler", ENGINE))),
    "HPA on another target": ("targets api-gateway", lambda d: named(d, "HorizontalPodAutoscaler", GATEWAY)["spec"]
                              ["scaleTargetRef"].update(name="gateway")),
    "HPA of one replica": ("targets api-gateway", lambda d: named(d, "HorizontalPodAutoscaler", GATEWAY)["spec"]
                           .update(minReplicas=1)),
    "local storage": ("storage is shared", lambda d: generated(d, "ConfigMap", "api-gateway-config")["data"]
                      .update(STORAGE_BACKEND="local")),
    "ENGINE_URL elsewhere": ("ENGINE_URL", lambda d: generated(d, "ConfigMap", "api-gateway-config")["data"]
                             .update(ENGINE_URL="http://engine:8000")),
    "no PodDisruptionBudget": ("PodDisruptionBudget", lambda d: d.remove(named(d, "PodDisruptionBudget", GATEWAY))),
}


def self_test(target):
    pristine = render(target)
    quiet = open(os.devnull, "w")
    baseline = Results(quiet)
    check_all(copy.deepcopy(pristine), baseline)
    r = Results()
    r.check(f"self-test baseline: {target} passes every check", baseline.failed == 0,
            f"failing: {baseline.failures}")
    for name, (expected, mutate) in MUTATIONS.items():
        docs = copy.deepcopy(pristine)
        mutate(docs)
        broken = Results(quiet)
        try:
            check_all(docs, broken)
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            broken.check("checks ran", False, repr(e))
        r.check(f"self-test: {name} is caught by '{expected}'", any(expected in f for f in broken.failures),
                f"failed checks: {broken.failures}")
    return r


def main(argv):
    if argv[:1] == ["--self-test"]:
        targets = argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "k8s", "base")]
        results = [self_test(t) for t in targets]
    else:
        targets = argv or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "k8s", "base")]
        results = []
        for target in targets:
            r = Results()
            prefix = f"[{os.path.basename(os.path.normpath(target))}] " if len(targets) > 1 else ""
            try:
                check_all(render(target), r, prefix)
            except subprocess.CalledProcessError as e:
                r.check(f"{prefix}renders", False, e.stderr.strip())
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                r.check(f"{prefix}manifests have the expected shape", False, repr(e))
            results.append(r)
    passed = sum(r.passed for r in results)
    failed = sum(r.failed for r in results)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
