from packaging.version import parse as parse_version
from configparser import ConfigParser
from pathlib import Path
import setuptools, shlex, shutil
from setuptools.command.build_py import build_py
assert parse_version(setuptools.__version__)>=parse_version('36.2')

# note: all settings are in settings.ini; edit there, not here
config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
cfg = config['DEFAULT']

cfg_keys = 'version description keywords author author_email'.split()
expected = cfg_keys + "lib_name user branch license status min_python audience language".split()
for o in expected: assert o in cfg, "missing expected setting: {}".format(o)
setup_cfg = {o:cfg[o] for o in cfg_keys}

licenses = {
    'apache2': ('Apache Software License 2.0','OSI Approved :: Apache Software License'),
    'mit': ('MIT License', 'OSI Approved :: MIT License'),
}
statuses = [ '1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive' ]
py_versions = '3.10 3.11 3.12 3.13'.split()

requirements = shlex.split(cfg.get('requirements', ''))
if cfg.get('pip_requirements'): requirements += shlex.split(cfg.get('pip_requirements', ''))
min_python = cfg['min_python']
lic = licenses.get(cfg['license'].lower(), (cfg['license'], None))
dev_requirements = (cfg.get('dev_requirements') or '').split()
lmeval_requirements = (cfg.get('lmeval_requirements') or '').split()   # the slow lm-eval-harness agreement check
gguf_requirements = (cfg.get('gguf_requirements') or '').split()       # llama.cpp targets (source only: compiled once, then pip's wheel cache)

def _only_files(d, names):
    "Skip caches and anything that is not a regular file or folder (e.g. a kernel's socket left by a running suite)."
    return [n for n in names if n in ('__pycache__', '.ipynb_checkpoints') or not (Path(d, n).is_file() or Path(d, n).is_dir())]

class BuildWithAssets(build_py):
    """Also copy the table notebooks and the papers' tables into the built package (carlora_nb/assets/), so an installed
    package can run the table suite outside a checkout (inside one, the checkout's own copies take precedence)."""
    def run(self):
        super().run()
        dst = Path(self.build_lib)/cfg['lib_name']/'assets'
        for src, name in (('nbs/tables', 'tables'), ('papers', 'papers')):
            if Path(src).is_dir(): shutil.copytree(src, dst/name, dirs_exist_ok=True, ignore=_only_files)

project_urls = {}
if cfg.get('doc_host'): project_urls["Documentation"] = cfg['doc_host'] + cfg.get('doc_baseurl', '')

setuptools.setup(
    name = cfg['lib_name'],
    license = lic[0],
    classifiers = [
        'Development Status :: ' + statuses[int(cfg['status'])],
        'Intended Audience :: ' + cfg['audience'].title(),
        'Natural Language :: ' + cfg['language'].title(),
    ] + ['Programming Language :: Python :: '+o for o in py_versions[py_versions.index(min_python):]] + (['License :: ' + lic[1] ] if lic[1] else []),
    url = cfg['git_url'],
    packages = setuptools.find_packages(),
    include_package_data = True,
    package_data = {cfg['lib_name']: ['profiles/*.yaml', 'tasks/*.yaml']},
    cmdclass = {'build_py': BuildWithAssets},
    install_requires = requirements,
    extras_require={ 'dev': dev_requirements, 'lmeval': lmeval_requirements, 'gguf': gguf_requirements },
    dependency_links = cfg.get('dep_links','').split(),
    python_requires  = '>=' + cfg['min_python'],
    long_description = open('README.md', encoding='utf-8').read(),
    long_description_content_type = 'text/markdown',
    zip_safe = False,
    entry_points = {
        'console_scripts': cfg.get('console_scripts','').split(),
        'nbdev': [f'{cfg.get("lib_path")}={cfg.get("lib_path")}._modidx:d']
    },
    project_urls = project_urls,
    **setup_cfg)
